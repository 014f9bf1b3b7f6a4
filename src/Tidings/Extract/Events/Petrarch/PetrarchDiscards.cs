namespace Tidings.Extract.Events.Petrarch;

/// <summary>
/// Discard lists (PETRreader.read_discard_list): one phrase a line, matched as consecutive words, not case-sensitive;
/// a leading '+' makes it story-level (the whole story is skipped), otherwise only the sentence is.
/// </summary>
public sealed class PetrarchDiscards
{
    private readonly PhraseIndex _sentence = new();
    private readonly PhraseIndex _story = new();

    public int SentenceCount => _sentence.Count;
    public int StoryCount => _story.Count;

    public bool DiscardsSentence(IReadOnlyList<string> upperWords) => _sentence.MatchesAnywhere(upperWords);

    public bool DiscardsStory(IReadOnlyList<string> upperWords) => _story.MatchesAnywhere(upperWords);

    public void Read(DictionaryFile file, List<DictionaryProblem> problems)
    {
        foreach (var (number, text) in file.Lines)
        {
            string line = text.Trim();
            bool story = line.StartsWith('+');
            // Every word must follow the previous one: join with '_' so the phrase index requires adjacency.
            string phrase = string.Join('_', (story ? line[1..] : line).Split((char[])[' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries));
            if (phrase.Length == 0)
            {
                problems.Add(new DictionaryProblem(file.Name, number, "empty discard phrase; line skipped"));
                continue;
            }
            (story ? _story : _sentence).Add(phrase, 0);
        }
    }
}
