using Tidings.Language;

namespace Tidings.Extract.Entities;

/// <summary>One mention of an entity: its characters in the article text.</summary>
public readonly record struct EntityMention(int Start, int End, string Text);

/// <summary>
/// One person, organisation or place of one article: every mention of it, the name it goes by (capitals
/// repaired), the other forms it takes (surname alone, a misspelling, an acronym), and the titles it is given.
/// </summary>
public sealed record ArticleEntity(int Index, string Type, string Name, IReadOnlyList<string> Aliases, string? Acronym,
    IReadOnlyList<string> Roles, IReadOnlyList<EntityMention> Mentions);

/// <summary>
/// Groups an article's entity mentions into entities. People: a surname alone or a surname one letter off
/// ("Blinkon" / "Blinken") is the person already named in full, unless the given names differ. Organisations
/// and places: the same name (case, accents, hyphens and "the" aside), a transliteration (same consonants), an
/// acronym the text defines ("Tehreek-i-Taliban Pakistan (TTP)") or one that spells the initials of a name the
/// article uses ("US" / "United States").
/// </summary>
public static class ArticleEntityResolver
{
    private sealed class Builder(int index, string type)
    {
        public int Index { get; } = index;
        public string Type { get; } = type;
        public List<string> Forms { get; } = []; // every mention's text, in order
        public string? Acronym { get; set; }
        public HashSet<string> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<EntityMention> Mentions { get; } = [];
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Skeletons { get; } = new(StringComparer.Ordinal);
        public string? Given;

        public void Add(EntityMention m, string? acronym)
        {
            Mentions.Add(m);
            Forms.Add(m.Text);
            if (acronym is null) { Keys.Add(NameKeys.Exact(m.Text)); Skeletons.Add(NameKeys.Skeleton(m.Text)); }
            if (Type == "PERSON" && NameKeys.GivenName(m.Text) is { } g) Given ??= g;
        }

        public ArticleEntity Build() => new(Index, Type, CanonicalName(Type, Forms), Forms.Distinct(StringComparer.Ordinal).ToList(), Acronym,
            Roles.Order(StringComparer.OrdinalIgnoreCase).ToList(), Mentions);
    }

    public static List<ArticleEntity> Resolve(string text, IReadOnlyList<Token> tokens, IReadOnlyList<EntitySpan> entities)
    {
        var built = new List<Builder>();
        foreach (var e in entities.OrderBy(e => e.Start))
        {
            var mention = new EntityMention(e.Start, e.End, e.Text);
            string? acronym = NameKeys.IsAcronym(e.Text) ? e.Text : null;
            var entity = e.Type == "PERSON" ? FindPerson(built, e.Text) : FindNamed(built, e.Type, e.Text, acronym);
            if (entity is null) built.Add(entity = new Builder(built.Count, e.Type));
            entity.Add(mention, acronym);
            if (acronym is not null) entity.Acronym ??= acronym;
            else if (DefinedAcronym(text, e.End) is { } defined) entity.Acronym ??= defined;
            if (e.Type == "PERSON" && TitleWords.Before(text, tokens, e.Start) is { } role) entity.Roles.Add(role);
        }
        return built.Select(b => b.Build()).ToList();
    }

    /// <summary>The name an entity goes by: a person's fullest form, an organisation's or place's most used non-acronym form.</summary>
    internal static string CanonicalName(string type, IReadOnlyList<string> forms)
    {
        if (type == "PERSON")
        {
            // The fullest form, with the surname spelt as the latest mention spells it: a writer who misspells a
            // name once ("Antony Blinkon") usually gets it right when repeating it ("Blinken").
            // An editor's brackets are no part of the name: "(Joe) Biden" is Joe Biden.
            var fullest = forms.OrderByDescending(f => f.Split(' ').Length).First().Replace("(", "").Replace(")", "");
            var words = NameKeys.RepairCapitals(fullest).Split(' ');
            var lastSurname = NameKeys.RepairCapitals(forms[^1]).Split(' ')[^1];
            if (NameKeys.OneEditApart(NameKeys.Exact(words[^1]), NameKeys.Exact(lastSurname))) words[^1] = lastSurname;
            return string.Join(' ', words);
        }
        var full = forms.Where(f => !NameKeys.IsAcronym(f)).ToList();
        if (full.Count == 0) return forms[0];
        return full.GroupBy(f => f, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => full.IndexOf(g.Key)).First().Key;
    }

    private static Builder? FindPerson(List<Builder> built, string name)
    {
        string surname = NameKeys.Surname(name), key = NameKeys.Exact(name);
        string? given = NameKeys.GivenName(name);
        // The most recent person that fits: "Price" after "Ned Price"; "Blinken" after "Antony Blinkon".
        for (int i = built.Count - 1; i >= 0; i--)
        {
            var b = built[i];
            if (b.Type != "PERSON") continue;
            if (b.Keys.Contains(key)) return b;
            if (given is not null && b.Given is not null && given != b.Given) continue; // another person of that surname
            foreach (var form in b.Forms)
            {
                var other = NameKeys.Surname(form);
                if (other == surname || surname.Length >= 5 && NameKeys.OneEditApart(other, surname)) return b;
            }
        }
        return null;
    }

    private static Builder? FindNamed(List<Builder> built, string type, string name, string? acronym)
    {
        string key = NameKeys.Exact(name), skeleton = NameKeys.Skeleton(name);
        foreach (var b in built)
        {
            if (b.Type != type) continue;
            if (acronym is not null)
            {
                if (b.Acronym == acronym || b.Forms.Any(f => SpellsInitials(f, acronym))) return b;
            }
            else if (b.Keys.Contains(key) || skeleton.Length >= 4 && b.Skeletons.Contains(skeleton)) return b;
            // "US" first, "United States" later: the name the acronym stands for.
            else if (b.Keys.Count == 0 && b.Acronym is { } known && SpellsInitials(name, known)) return b;
        }
        return null;
    }

    /// <summary>"… Pakistan (TTP)": the acronym in brackets right after a name.</summary>
    private static string? DefinedAcronym(string text, int end)
    {
        int i = end;
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length || text[i] != '(') return null;
        int close = text.IndexOf(')', i);
        if (close < 0 || close - i > 8) return null;
        var inside = text[(i + 1)..close];
        return NameKeys.IsAcronym(inside) ? inside : null;
    }

    /// <summary>Whether the acronym is the initials of the name's capitalised words or hyphen parts ("United States" → "US").</summary>
    internal static bool SpellsInitials(string name, string acronym)
    {
        var initials = new List<char>();
        for (int p = 0; p < name.Length; p++)
            if (char.IsUpper(name[p]) && (p == 0 || name[p - 1] is ' ' or '-')) initials.Add(name[p]);
        return initials.Count == acronym.Length && initials.SequenceEqual(acronym);
    }
}
