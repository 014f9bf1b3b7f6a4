using Tidings.Language;

namespace Tidings.Extract.Quotes;

/// <summary>
/// Names speakers within one article: people mentioned by full name, surname or a misspelt variant become one
/// person with a canonical name (capitals repaired: "Ned price" → "Ned Price") and the titles written before
/// the name ("Spokesperson", "Interior Minister"); "he"/"she" is the last person spoken of; "the spokesperson"
/// is the person who holds that title here, and otherwise stays a role.
/// </summary>
internal sealed class SpeakerNames
{
    private sealed class Person(string form)
    {
        /// <summary>Every way the article writes the name; the canonical name follows from them as for entities.</summary>
        public List<string> Forms { get; } = [form];
        public string Canonical => Entities.ArticleEntityResolver.CanonicalName("PERSON", Forms);
        public HashSet<string> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<int> Offsets { get; } = [];
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "this", "that", "its", "their", "his", "her" };

    private readonly string _text;
    private readonly List<Person> _people = [];
    private readonly Dictionary<string, Person> _bySurname = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int Start, int End, Person Person)> _mentions = [];

    public SpeakerNames(string text, IReadOnlyList<Token> tokens, IReadOnlyList<EntitySpan> entities)
    {
        _text = text;
        foreach (var e in entities.Where(e => e.Type == "PERSON").OrderBy(e => e.Start))
        {
            var words = e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var surname = words[^1];
            if (!_bySurname.TryGetValue(surname, out var person))
            {
                person = FindVariant(surname) ?? new Person(e.Text);
                if (!_people.Contains(person)) _people.Add(person);
                else person.Forms.Add(e.Text);
                _bySurname[surname] = person;
            }
            else person.Forms.Add(e.Text);
            person.Offsets.Add(e.Start);
            _mentions.Add((e.Start, e.End, person));
            var role = Entities.TitleWords.Before(_text, tokens, e.Start);
            if (role is not null) person.Roles.Add(role);
        }
    }

    /// <summary>A surname one letter away from a known one is the same person misspelt ("Blinkon" / "Blinken").</summary>
    private Person? FindVariant(string surname) =>
        surname.Length >= 5 ? _bySurname.FirstOrDefault(kv => Entities.NameKeys.OneEditApart(Entities.NameKeys.Exact(kv.Key), Entities.NameKeys.Exact(surname))).Value : null;

    /// <summary>The name for a speaker phrase, and whether it names a person.</summary>
    public (string Name, bool IsPerson) Resolve(int start, int end, IReadOnlyList<(int Offset, string Name, bool IsPerson)> earlier)
    {
        var phrase = _text[start..end].Trim();
        var mention = _mentions.FirstOrDefault(m => m.Start < end && start < m.End);
        if (mention.Person is not null) return (mention.Person.Canonical, true);
        var lower = phrase.ToLowerInvariant();
        if (lower is "he" or "she")
        {
            var last = earlier.LastOrDefault(x => x.IsPerson && x.Offset < start);
            if (last.Name is not null) return (last.Name, true);
            var person = _mentions.LastOrDefault(m => m.End <= start).Person;
            return person is not null ? (person.Canonical, true) : (phrase, false);
        }
        if (TitledName(phrase) is var (title, name))
        {
            // "the department's Spokesperson Ned price": a title before a name the recognizer missed.
            if (!_bySurname.TryGetValue(name.Split(' ')[^1], out var known))
            {
                known = new Person(name);
                _people.Add(known);
                _bySurname[name.Split(' ')[^1]] = known;
            }
            // A fuller name than the one recognised so far ("Spokesperson Ned price" when only "Price" was found) names the person.
            else known.Forms.Add(name);
            known.Roles.Add(title);
            known.Offsets.Add(start);
            _mentions.Add((end - name.Length, end, known));
            return (known.Canonical, true);
        }
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // "Price" after "Ned price": a known surname alone is that person.
        if (words.Count <= 3 && char.IsUpper(words[^1][0]) && _bySurname.TryGetValue(words[^1], out var bySurname)
            && words.All(w => char.IsUpper(w[0]) || Determiners.Contains(w)))
            return (bySurname.Canonical, true);
        bool definite = words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase);
        while (words.Count > 1 && Determiners.Contains(words[0])) words.RemoveAt(0);
        var rest = string.Join(' ', words);
        if (definite && words.Count <= 3)
        {
            // "the spokesperson" is the person who holds that title in this article, if one does.
            var holder = _people.Where(p => p.Roles.Any(r => r.EndsWith(words[^1], StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(p => p.Offsets.Count(o => o < start)).FirstOrDefault();
            if (holder is not null && holder.Offsets.Any(o => o < end + 2000)) return (holder.Canonical, true);
            // Otherwise it is the unnamed speaker introduced before with that role ("a State Department spokesperson").
            var introduced = earlier.LastOrDefault(x => !x.IsPerson && x.Offset < start && x.Name.EndsWith(words[^1], StringComparison.OrdinalIgnoreCase));
            if (introduced.Name is not null) return (introduced.Name, false);
        }
        return (rest, false);
    }

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "president", "senator", "governor", "mayor",
        "ambassador", "chief", "director", "general", "chairman", "chairwoman", "envoy", "adviser", "advisor", "commissioner",
        "judge", "leader", "representative", "rep.", "sen.", "gov.", "gen.", "dr.", "mr.", "mrs.", "ms.", "prof.", "officer",
    };

    /// <summary>"… Spokesperson Ned price" → ("spokesperson", "Ned price"): a title word, then one to three name words.</summary>
    private static (string Title, string Name)? TitledName(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = words.Length - 2; i >= Math.Max(0, words.Length - 4); i--)
        {
            if (!Titles.Contains(words[i])) continue;
            var name = words[(i + 1)..];
            if (name.Length is >= 1 and <= 3 && char.IsUpper(name[0][0]) && name.All(w => char.IsLetter(w[0])))
                return (words[i].ToLowerInvariant(), string.Join(' ', name));
        }
        return null;
    }
}
