namespace Tidings.Language;

/// <summary>One token of analysed text. Offsets are UTF-16 indices into the analysed string, End exclusive.</summary>
public readonly record struct Token(int Start, int End, string Upos, string Xpos, string Lemma, string Ner)
{
    /// <summary>Syntactic head: 1-based index of the head token within the sentence, 0 = root, -1 when not parsed.</summary>
    public int Head { get; init; } = -1;

    /// <summary>Universal dependency relation to the head ("nsubj", "obl:tmod", "root"); "_" when not parsed.</summary>
    public string Deprel { get; init; } = "_";

    public int Length => End - Start;
    public string TextIn(string text) => text.Substring(Start, End - Start);
}

/// <summary>A sentence: character span plus the half-open token range [FirstToken, FirstToken + TokenCount).</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount);

/// <summary>A named entity mention. Type is PERSON, ORG, LOC or MISC.</summary>
public readonly record struct EntitySpan(int Start, int End, string Type, string Text);

/// <summary>Everything the language layer produces for one text.</summary>
public sealed class AnalyzedText
{
    public AnalyzedText(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<EntitySpan> entities)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        Entities = entities;
    }

    public string Text { get; }
    public IReadOnlyList<Token> Tokens { get; }
    public IReadOnlyList<Sentence> Sentences { get; }
    public IReadOnlyList<EntitySpan> Entities { get; }
}
