// Testing package README: unit test begins
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Testing;
using Xunit;

public class EvaluationHandlerTests
{
    [Fact]
    public async Task Failed_candidate_is_rejected_in_the_ats()
    {
        var ats = new RecordingAtsClient();
        var evaluation = BoooplyTestEvents.Evaluation(d => d with { Recommendation = BoooplyRecommendation.Fail });

        await new EvaluationHandler(ats).HandleAsync(evaluation, WebhookTestContexts.For(evaluation), CancellationToken.None);

        var move = Assert.Single(ats.Moves);
        Assert.Equal(("Jane Doe", "rejected", "Boooply-AI-1234567890:interview.evaluation"), move);
    }

    [Fact]
    public async Task Passing_candidate_goes_to_the_next_round()
    {
        var ats = new RecordingAtsClient();
        var evaluation = BoooplyTestEvents.Evaluation(); // Boooply's documented example: Jane Doe, PASS

        await new EvaluationHandler(ats).HandleAsync(evaluation, WebhookTestContexts.For(evaluation), CancellationToken.None);

        Assert.Equal("next-round", Assert.Single(ats.Moves).Stage);
    }
}
// Testing package README: unit test ends
