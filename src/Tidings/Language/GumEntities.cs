namespace Tidings.Language;

/// <summary>
/// Derives NER training labels from GUM's entity layer (MISC "Entity=" brackets): person, place and
/// organization mentions whose syntactic head is a proper noun, trimmed to the proper-noun stretch
/// ("the [State Department]", "[Joe Biden]"), so they match UNER-style name spans.
/// </summary>
public static class GumEntities
{
    public static void Label(CorpusSentence sentence, Func<string, bool>? isPlace = null)
    {
        var words = sentence.Words;
        foreach (var w in words) w.Ner = "O";
        var open = new Dictionary<string, (int Start, string Type)>();
        var mentions = new List<(int Start, int End, string Type)>();
        for (int i = 0; i < words.Count; i++)
        {
            string? entity = MiscValue(words[i].Misc, "Entity");
            if (entity == null) continue;
            int p = 0;
            while (p < entity.Length)
            {
                if (entity[p] == '(')
                {
                    int q = p + 1;
                    while (q < entity.Length && entity[q] != '(' && entity[q] != ')') q++;
                    var parts = entity[(p + 1)..q].Split('-');
                    string id = parts[0], type = parts.Length > 1 ? parts[1] : "";
                    if (q < entity.Length && entity[q] == ')') { mentions.Add((i, i, type)); q++; }
                    else open[id] = (i, type);
                    p = q;
                }
                else if (char.IsDigit(entity[p]))
                {
                    int q = p;
                    while (q < entity.Length && char.IsDigit(entity[q])) q++;
                    string id = entity[p..q];
                    if (open.Remove(id, out var start)) mentions.Add((start.Start, i, start.Type));
                    p = q + 1;
                }
                else p++;
            }
        }
        // Longest mentions first; a name inside a longer name is not labelled twice.
        foreach (var (start, end, type) in mentions.OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
        {
            string label = type switch { "person" => "PERSON", "place" => "LOC", "organization" => "ORG", _ => "" };
            if (label.Length == 0) continue;
            int head = -1;
            for (int k = start; k <= end; k++)
                if (words[k].Head - 1 < start || words[k].Head - 1 > end) { head = k; break; }
            if (head < 0 || words[head].Upos != "PROPN" || !Capitalised(words[head].Form)) continue;
            // Grow from the head over name-like tokens ("United States", "University of Michigan"),
            // then drop titles and edge connectors so spans look like UNER names.
            int first = head, last = head;
            while (first > start && NameLike(words[first - 1].Form)) first--;
            while (last < end && NameLike(words[last + 1].Form)) last++;
            while (first < head && (!Capitalised(words[first].Form) || label == "PERSON" && IsTitle(words[first].Form))) first++;
            while (last > head && !Capitalised(words[last].Form)) last--;
            if (label == "PERSON" && first == last && words[first].Xpos == "NNPS") continue; // "Americans"
            if (label == "ORG" && isPlace != null && isPlace(string.Join(" ", words.Skip(first).Take(last - first + 1).Select(w => w.Form))))
                label = "LOC"; // GUM calls acting countries organizations; UNER always calls them LOC
            bool free = true;
            for (int k = first; k <= last; k++) if (words[k].Ner != "O") free = false;
            if (!free) continue;
            for (int k = first; k <= last; k++) words[k].Ner = (k == first ? "B-" : "I-") + label;
        }
    }

    private static bool Capitalised(string form) => form.Length > 0 && (char.IsUpper(form[0]) || char.IsDigit(form[0]));

    private static bool NameLike(string form)
        => Capitalised(form) || form is "of" or "and" or "&" or "-" or "de" or "la" or "al" or "bin" or "van" or "von" or "for" or "du" or "del";

    private static bool IsTitle(string form) => form is "President" or "Mr." or "Mrs." or "Ms." or "Dr." or "Mr" or "Mrs" or "Dr"
        or "Senator" or "Sen." or "King" or "Queen" or "Pope" or "General" or "Gen." or "Minister" or "Secretary" or "Governor"
        or "Gov." or "Prince" or "Princess" or "Lord" or "Lady" or "Sir" or "Saint" or "St." or "Professor" or "Prof." or "Judge"
        or "Justice" or "Chairman" or "Captain" or "Capt." or "Colonel" or "Emperor" or "Empress" or "Prime" or "Vice" or "Rep." or "Representative";

    private static string? MiscValue(string misc, string key)
    {
        foreach (var part in misc.Split('|'))
            if (part.StartsWith(key + "=", StringComparison.Ordinal)) return part[(key.Length + 1)..];
        return null;
    }
}
