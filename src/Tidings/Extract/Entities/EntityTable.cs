using System.Security.Cryptography;
using System.Text;

namespace Tidings.Extract.Entities;

/// <summary>An entity across all articles: its id, type, canonical name, every spelling with its count, and titles.</summary>
public sealed class GlobalEntity(string id, string type)
{
    public string Id { get; } = id;
    public string Type { get; } = type;
    public string Name { get; internal set; } = "";
    public string? Acronym { get; internal set; }
    public string? Given { get; internal set; }
    /// <summary>Spelling → number of articles using it.</summary>
    public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int Articles { get; internal set; }
    /// <summary>Each article's name for the entity → number of articles: the canonical name is the most voted.</summary>
    internal Dictionary<string, int> NameVotes { get; } = new(StringComparer.Ordinal);
}

/// <summary>How one article's entity was linked to a global entity, and why.</summary>
public sealed record EntityLink(ArticleEntity Local, GlobalEntity Global, double Confidence, string Evidence);

/// <summary>
/// The global entity table: links each article's entities to entities across all articles, incrementally, in the
/// order articles are given. Evidence, strongest first: the same name (case, accents, hyphens aside) → 1.0; the
/// same acronym with a matching expansion → 0.95; a transliteration or one-letter misspelling of the full name
/// (same consonant skeleton: "Tehrik" / "Tehreek", "Blinken" / "Blinkon") → 0.85; a person named by surname
/// alone when exactly one known person has it → 0.6; an acronym alone, when one entity has it → 0.7. People whose
/// given names differ are never linked. Not thread-safe: one writer links articles in order.
/// </summary>
public sealed class EntityTable
{
    private readonly List<GlobalEntity> _entities = [];
    private readonly Dictionary<string, List<GlobalEntity>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GlobalEntity>> _bySkeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GlobalEntity>> _byAcronym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GlobalEntity>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GlobalEntity> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<GlobalEntity> Entities => _entities;
    public int Count => _entities.Count;
    public GlobalEntity? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Links every entity of one article (each global entity counts the article once).</summary>
    public List<EntityLink> Link(IReadOnlyList<ArticleEntity> article)
    {
        var links = new List<EntityLink>(article.Count);
        // Full names first, so that an acronym or a bare surname in the same article finds what they name.
        foreach (var local in article.OrderBy(e => e.Aliases.All(NameKeys.IsAcronym) || e.Type == "PERSON" && !e.Name.Contains(' ') ? 1 : 0))
        {
            var (global, confidence, evidence) = Find(local);
            if (global is null)
            {
                global = Create(local);
                (confidence, evidence) = (1.0, "new");
            }
            if (links.Any(l => l.Global == global)) Absorb(global, local, countArticle: false);
            else Absorb(global, local, countArticle: true);
            links.Add(new EntityLink(local, global, confidence, evidence));
        }
        return links.OrderBy(l => l.Local.Index).ToList();
    }

    /// <summary>Adds an entity read back from the store (its id, spellings and roles).</summary>
    public GlobalEntity Restore(string id, string type, string name, string? acronym, IEnumerable<(string Alias, int Count)> aliases, IEnumerable<string> roles, int articles)
    {
        var g = new GlobalEntity(id, type) { Name = name, Acronym = acronym, Articles = articles };
        g.NameVotes[name] = articles;
        if (type == "PERSON") g.Given = NameKeys.GivenName(name);
        Register(g);
        foreach (var (alias, count) in aliases) { g.Aliases[alias] = count; Index(g, alias); }
        g.Roles.UnionWith(roles);
        if (acronym is not null) Add(_byAcronym, acronym, g);
        return g;
    }

    private (GlobalEntity? Global, double Confidence, string Evidence) Find(ArticleEntity local)
    {
        var forms = local.Aliases.Where(a => !NameKeys.IsAcronym(a)).ToList();
        foreach (var f in forms.OrderByDescending(f => f.Length))
            if (Pick(_byKey, NameKeys.Exact(f), local) is { } same) return (same, 1.0, $"same name \"{f}\"");
        if (local.Acronym is { } acronym && _byAcronym.TryGetValue(acronym, out var withAcronym))
        {
            var expanded = withAcronym.Where(g => g.Type == local.Type && (forms.Count == 0 || forms.Any(f => SimilarExpansion(g, f)))).ToList();
            if (expanded.Count == 1) return (expanded[0], forms.Count == 0 ? 0.7 : 0.95, forms.Count == 0 ? $"acronym {acronym}" : $"acronym {acronym} with its expansion");
        }
        foreach (var f in forms.OrderByDescending(f => f.Length))
        {
            if (local.Type == "PERSON" && !f.Contains(' ')) continue; // a bare surname is weaker evidence, below
            var skeleton = NameKeys.Skeleton(f);
            if (skeleton.Length >= 4 && Pick(_bySkeleton, skeleton, local) is { } variant)
                return (variant, 0.85, $"spelling variant \"{f}\" of \"{variant.Name}\"");
        }
        // "Afghan Taliban": an organisation's name with a nationality before it is that organisation.
        if (local.Type == "ORG" && DemonymStripped(local.Name) is { } bare && Pick(_byKey, NameKeys.Exact(bare), local) is { } stripped)
            return (stripped, 0.8, $"\"{local.Name}\" is \"{stripped.Name}\" with its nationality");
        if (local.Type == "PERSON" && !local.Name.Contains(' ')
            && _bySurname.TryGetValue(NameKeys.Skeleton(local.Name), out var bySurname) && bySurname.All(x => x == bySurname[0]))
            return (bySurname[0], 0.6, $"surname \"{local.Name}\" of the only known {bySurname[0].Name}");
        return (null, 0, "");
    }

    private static string? DemonymStripped(string name)
    {
        int space = name.IndexOf(' ');
        var gazetteer = Language.LanguageAnalyzer.Default.EntityRecognizer?.Gazetteer;
        return space > 0 && gazetteer is not null && gazetteer.Contains(name[..space], Language.Gazetteer.Demonym) ? name[(space + 1)..] : null;
    }

    /// <summary>The one candidate of the right type (and, for people, no conflicting given name).</summary>
    private static GlobalEntity? Pick(Dictionary<string, List<GlobalEntity>> index, string key, ArticleEntity local)
    {
        if (!index.TryGetValue(key, out var candidates)) return null;
        string? given = local.Type == "PERSON" ? NameKeys.GivenName(local.Name) : null;
        var fits = candidates.Where(g => g.Type == local.Type && (given is null || g.Given is null || g.Given == given)).ToList();
        return fits.Count >= 1 ? fits.OrderByDescending(g => g.Articles).First() : null;
    }

    private static bool SimilarExpansion(GlobalEntity g, string form)
    {
        var skeleton = NameKeys.Skeleton(form);
        return g.Aliases.Keys.Any(a => NameKeys.Skeleton(a) == skeleton) || ArticleEntityResolver.SpellsInitials(form, g.Acronym ?? "");
    }

    private GlobalEntity Create(ArticleEntity local)
    {
        // Two entities created from one name (people of the same name with other given names) get distinct ids.
        var id = StableId(local.Type, local.Name);
        for (int n = 2; _byId.ContainsKey(id); n++) id = StableId(local.Type, local.Name + "#" + n);
        var g = new GlobalEntity(id, local.Type) { Name = local.Name };
        Register(g);
        return g;
    }

    private void Register(GlobalEntity g)
    {
        _entities.Add(g);
        _byId[g.Id] = g;
    }

    private void Absorb(GlobalEntity g, ArticleEntity local, bool countArticle)
    {
        if (countArticle)
        {
            g.Articles++;
            g.NameVotes[local.Name] = g.NameVotes.GetValueOrDefault(local.Name) + 1;
        }
        foreach (var alias in local.Aliases)
        {
            if (!g.Aliases.ContainsKey(alias)) Index(g, alias);
            g.Aliases[alias] = g.Aliases.GetValueOrDefault(alias) + (countArticle ? 1 : 0);
        }
        if (local.Acronym is { } acronym && g.Acronym is null) { g.Acronym = acronym; Add(_byAcronym, acronym, g); }
        if (local.Type == "PERSON" && NameKeys.GivenName(local.Name) is { } given) g.Given ??= given;
        g.Roles.UnionWith(local.Roles);
        // The name most articles use. Ties: a person's fuller name ("Ned Price"), an organisation's or place's plainer one
        // ("Taliban" rather than "Afghan Taliban"); then the first one seen.
        var votes = g.NameVotes.OrderByDescending(v => v.Value);
        g.Name = (g.Type == "PERSON" ? votes.ThenByDescending(v => v.Key.Length) : votes.ThenBy(v => v.Key.Length)).First().Key;
    }

    private void Index(GlobalEntity g, string alias)
    {
        if (NameKeys.IsAcronym(alias)) { Add(_byAcronym, alias, g); return; }
        Add(_byKey, NameKeys.Exact(alias), g);
        Add(_bySkeleton, NameKeys.Skeleton(alias), g);
        if (g.Type == "PERSON") Add(_bySurname, NameKeys.Skeleton(NameKeys.Surname(alias)), g);
    }

    private static void Add(Dictionary<string, List<GlobalEntity>> index, string key, GlobalEntity g)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<GlobalEntity>(1);
        // A common surname's list grows long: only short lists are searched for a repeat (a repeat is harmless).
        if (list.Count > 0 && list[^1] == g || list.Count <= 8 && list.Contains(g)) return;
        list.Add(g);
    }

    /// <summary>"e" + 15 hex digits of SHA-256 of type and name: the same input in the same order gives the same ids.</summary>
    public static string StableId(string type, string name) =>
        "e" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(type + ":" + NameKeys.Exact(name))))[..15];
}
