using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tidings.Stories;

/// <summary>
/// The learned part of clustering: a logistic regression over article–story similarity features, the probability
/// above which an article joins a story, and the one above which two stories merge. Trained by
/// <c>tidings train stories</c>; the shipped weights are an embedded resource.
/// </summary>
public sealed class StoryModel
{
    public const string ResourceName = "Tidings.Stories.story-model.json";

    /// <summary>Feature names, in the order of <see cref="StoryFeatures"/>.</summary>
    public static readonly string[] FeatureNames =
    [
        "bias", "cos_centroid", "cos_max", "cos_headline", "name_share", "names_shared_log", "place_shared",
        "date_proximity", "date_missing", "mentioned_date_shared", "cos_x_date",
    ];

    [JsonPropertyName("features")] public string[] Features { get; set; } = FeatureNames;
    [JsonPropertyName("weights")] public double[] Weights { get; set; } = new double[FeatureNames.Length];
    [JsonPropertyName("threshold")] public double Threshold { get; set; } = 0.5;
    [JsonPropertyName("merge_threshold")] public double MergeThreshold { get; set; } = 0.8;
    [JsonPropertyName("window_days")] public double WindowDays { get; set; } = 7;
    [JsonPropertyName("trained_on")] public string? TrainedOn { get; set; }
    [JsonPropertyName("train_bcubed_f1")] public double? TrainBCubedF1 { get; set; }

    public double Probability(ReadOnlySpan<double> features)
    {
        double z = 0;
        for (int i = 0; i < Weights.Length && i < features.Length; i++) z += Weights[i] * features[i];
        return 1 / (1 + Math.Exp(-z));
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static StoryModel FromJson(string json)
    {
        var m = JsonSerializer.Deserialize<StoryModel>(json) ?? throw new InvalidDataException("empty story model");
        if (!m.Features.SequenceEqual(FeatureNames))
            throw new InvalidDataException($"the story model's features ({string.Join(", ", m.Features)}) are not those of this build");
        return m;
    }

    private static readonly Lazy<StoryModel> Shipped = new(() =>
    {
        using var s = typeof(StoryModel).Assembly.GetManifestResourceStream(ResourceName);
        if (s is null) return Fallback();
        using var r = new StreamReader(s);
        return FromJson(r.ReadToEnd());
    });

    /// <summary>The model shipped with the library.</summary>
    public static StoryModel Default => Shipped.Value;

    /// <summary>Hand-set starting weights, used only before a model has been trained.</summary>
    public static StoryModel Fallback() => new()
    {
        Weights = [-6, 6, 4, 2, 3, 1, 0.5, 2, -0.5, 0.5, 2],
        Threshold = 0.5,
        MergeThreshold = 0.8,
    };
}
