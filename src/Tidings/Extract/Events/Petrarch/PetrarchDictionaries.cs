namespace Tidings.Extract.Events.Petrarch;

/// <summary>A dictionary line that was rejected, with why.</summary>
public sealed record DictionaryProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>The kinds of PETRARCH dictionary file.</summary>
public enum DictionaryKind { Actors, Agents, Discards, VerbsPetrarch1, VerbsPetrarch2 }

/// <summary>
/// User dictionaries in the PETRARCH formats, read from one directory (`--dictionaries DIR`). Each part is null
/// when the directory has no file of that kind. Files are found as PETRARCH configurations name them (see
/// <see cref="Discover"/>); every rejected line is in <see cref="Problems"/>, and no bad line stops the loading.
/// </summary>
public sealed class PetrarchDictionaries
{
    public IActorDictionary? Actors { get; init; }
    public IAgentDictionary? Agents { get; init; }
    public IVerbPatternCoder? Verbs { get; init; }

    /// <summary>True when the sentence (upper-cased words) holds a sentence-level discard phrase.</summary>
    public Func<IReadOnlyList<string>, bool> DiscardsSentence { get; init; } = _ => false;

    /// <summary>True when the sentence holds a story-level discard phrase (the whole article is skipped).</summary>
    public Func<IReadOnlyList<string>, bool> DiscardsStory { get; init; } = _ => false;

    public IReadOnlyList<DictionaryProblem> Problems { get; init; } = [];

    /// <summary>The files read, in order, with the kind each was read as.</summary>
    public IReadOnlyList<(string File, DictionaryKind Kind)> Files { get; init; } = [];

    /// <summary>One line for logs and the CLI: what was read, and how many lines were rejected.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Actors is PetrarchActorDictionary a) parts.Add($"{a.EntryCount} actors ({a.PhraseCount} phrases)");
        if (Agents is PetrarchAgentDictionary g) parts.Add($"{g.PhraseCount} agent phrases");
        if (Verbs is VerbPatternCoder v) parts.Add($"{v.Dictionary.Blocks.Count} verb blocks, {v.Dictionary.PatternCount} patterns, {v.Dictionary.FormCount} verb forms");
        parts.Add($"{Files.Count} files, {Problems.Count} lines rejected");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// The code of a noun phrase (words[start..end]) as PETRARCH's check_NEphrase composes it: the first actor found
    /// in the phrase, then every agent found at any word (longest per word), '~GOV' appended and 'NGO~' put before,
    /// an agent whose code is already in the actor code (compared in 3-character steps) ending the composition; no
    /// actor but agents gives "---" plus the agents. Null when the phrase holds neither.
    /// </summary>
    public string? CodePhrase(IReadOnlyList<string> words, int start, int end, DateOnly? date)
    {
        string? actor = null;
        for (int i = start; i < end && actor is null; i++)
            actor = Actors is PetrarchActorDictionary bounded ? bounded.Match(words, i, end, date)?.Code : Actors?.Match(words, i, date)?.Code;
        var agents = new List<string>();
        for (int i = start; i < end; i++)
            if ((Agents is PetrarchAgentDictionary a ? a.Match(words, i, end) : Agents?.Match(words, i)) is { } agent) agents.Add(agent.Code);
        if (agents.Count == 0) return actor;
        string code = actor ?? PetrarchActorDictionary.NullCode;
        foreach (var agent in agents)
        {
            bool suffix = agent[0] == '~';
            string part = suffix ? agent[1..] : agent[..^1];
            for (int k = 0; k < code.Length - part.Length + 1; k += 3)
                if (string.CompareOrdinal(code, k, part, 0, part.Length) == 0) return code;
            code = suffix ? code + part : part + code;
        }
        return code;
    }

    public static PetrarchDictionaries Load(string directory)
    {
        var problems = new List<DictionaryProblem>();
        var files = Discover(directory, problems);
        PetrarchActorDictionary? actors = null;
        PetrarchAgentDictionary? agents = null;
        PetrarchDiscards? discards = null;
        VerbDictionary? verbs = null;
        var read = new List<(string, DictionaryKind)>();
        foreach (var (path, guessed) in files)
        {
            var file = DictionaryFile.Read(path, problems);
            if (file is null) continue;
            var kind = guessed is DictionaryKind.VerbsPetrarch1 or DictionaryKind.VerbsPetrarch2 ? VerbFormat(file, guessed) : guessed;
            read.Add((file.Name, kind));
            switch (kind)
            {
                case DictionaryKind.Actors: (actors ??= new()).Read(file, problems); break;
                case DictionaryKind.Agents: (agents ??= new()).Read(file, problems); break;
                case DictionaryKind.Discards: (discards ??= new()).Read(file, problems); break;
                case DictionaryKind.VerbsPetrarch1: new Petrarch1VerbReader(verbs ??= new(), file, problems).Read(); break;
                case DictionaryKind.VerbsPetrarch2: new Petrarch2VerbReader(verbs ??= new(), file, problems).Read(); break;
            }
        }
        return new PetrarchDictionaries
        {
            Actors = actors,
            Agents = agents,
            Verbs = verbs is null ? null : new VerbPatternCoder(verbs),
            DiscardsSentence = discards is null ? _ => false : discards.DiscardsSentence,
            DiscardsStory = discards is null ? _ => false : discards.DiscardsStory,
            Problems = problems,
            Files = read,
        };
    }

    /// <summary>
    /// The dictionary files of a directory. A PETR_config.ini there decides (its [Dictionaries] verbfile_name,
    /// actorfile_list, agentfile_name, discardfile_name, looked up in the directory). Otherwise by name, not case
    /// sensitive: *actors* (all of them, merged), *agents*, *discards*, CAMEO.2.0* (PETRARCH-2 verbs), *verbpatterns*
    /// or *verbs* (format told by content). Other files are ignored. Order: by name.
    /// </summary>
    public static List<(string Path, DictionaryKind Kind)> Discover(string directory, List<DictionaryProblem> problems)
    {
        if (!Directory.Exists(directory))
        {
            problems.Add(new DictionaryProblem(directory, 0, "dictionary directory not found"));
            return [];
        }
        var names = Directory.GetFiles(directory).OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        var config = names.FirstOrDefault(n => string.Equals(Path.GetFileName(n), "PETR_config.ini", StringComparison.OrdinalIgnoreCase));
        if (config is not null && FromConfig(directory, config, problems) is { Count: > 0 } configured) return configured;
        var found = new List<(string, DictionaryKind)>();
        foreach (var path in names)
        {
            string name = Path.GetFileName(path).ToLowerInvariant();
            if (name.Contains("actors")) found.Add((path, DictionaryKind.Actors));
            else if (name.Contains("agents")) found.Add((path, DictionaryKind.Agents));
            else if (name.Contains("discards")) found.Add((path, DictionaryKind.Discards));
            else if (name.StartsWith("cameo.2.0", StringComparison.Ordinal)) found.Add((path, DictionaryKind.VerbsPetrarch2));
            else if (name.Contains("verbpatterns") || name.Contains("verbs")) found.Add((path, DictionaryKind.VerbsPetrarch1));
        }
        return found;
    }

    private static List<(string, DictionaryKind)> FromConfig(string directory, string config, List<DictionaryProblem> problems)
    {
        var found = new List<(string, DictionaryKind)>();
        string section = "";
        string name = Path.GetFileName(config);
        string[] lines;
        try { lines = File.ReadAllLines(config); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new DictionaryProblem(name, 0, $"cannot read the file: {e.Message}; file names used instead"));
            return found;
        }
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith('[') && line.EndsWith(']')) { section = line[1..^1].Trim(); continue; }
            int equals = line.IndexOfAny(['=', ':']);
            if (!section.Equals("Dictionaries", StringComparison.OrdinalIgnoreCase) || equals < 0 || line.StartsWith('#') || line.StartsWith(';')) continue;
            string key = line[..equals].Trim().ToLowerInvariant();
            var kind = key switch
            {
                "actorfile_list" => DictionaryKind.Actors,
                "agentfile_name" => DictionaryKind.Agents,
                "discardfile_name" => DictionaryKind.Discards,
                "verbfile_name" => DictionaryKind.VerbsPetrarch1,
                _ => (DictionaryKind?)null,
            };
            if (kind is null) continue;
            foreach (var value in line[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                string? path = new[] { Path.Combine(directory, value), Path.Combine(directory, Path.GetFileName(value)) }.FirstOrDefault(File.Exists);
                if (path is null) problems.Add(new DictionaryProblem(name, i + 1, $"'{value}' is not in the directory; skipped"));
                else found.Add((path, kind.Value));
            }
        }
        return found;
    }

    /// <summary>PETRARCH-2 when named CAMEO.2.0* or when a pattern holds '(' (prepositional phrases) or a line starts with '~'.</summary>
    private static DictionaryKind VerbFormat(DictionaryFile file, DictionaryKind guessed)
    {
        if (file.Name.StartsWith("CAMEO.2.0", StringComparison.OrdinalIgnoreCase)) return DictionaryKind.VerbsPetrarch2;
        foreach (var (_, text) in file.Lines)
        {
            string t = text.TrimStart();
            if (t.StartsWith('~')) return DictionaryKind.VerbsPetrarch2;
            if (t.StartsWith('-') && !t.StartsWith("---", StringComparison.Ordinal) && t.Contains('(')) return DictionaryKind.VerbsPetrarch2;
        }
        return guessed == DictionaryKind.VerbsPetrarch2 ? guessed : DictionaryKind.VerbsPetrarch1;
    }
}
