namespace Tidings.Language;

public sealed class EntityRecognizer
{
    public void Recognize(string text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> posLabels, string[] upos, Span<int> output) { }
    public string TagName(int label) => "O";
    public void CollectEntities(string text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> labels, List<EntitySpan> output) { }
    public static EntityRecognizer Read(BinaryReader r) => new();
}
