using Tidings.Documents;

namespace Tidings.Pipeline;

/// <summary>One step of the pipeline: reads the article and adds spans or metadata to it.</summary>
public interface IArticleStage
{
    string Name { get; }

    void Process(Article article);
}
