using Classet.Boooply.Webhooks.Cli.Simulation;
using Classet.Boooply.Webhooks.Demo;
using Classet.Boooply.Webhooks.Samples.Receiver;

namespace Classet.Boooply.Webhooks.Samples.Tests.Demo;

public sealed class DemoOutcomeTests
{
    private static readonly DemoScenario HandledEvaluation = Scenario(200, ReceivedWebhookKind.Handled, "interview.evaluation");
    private static readonly DemoScenario Rejected = Scenario(401, expectedKind: null, expectedEventType: null);

    [Fact]
    public void AsExpected_ExpectedStatusAndOneCallOfTheExpectedHandlerAndEvent_IsTrue()
    {
        Outcome(HandledEvaluation, 200, Seen(ReceivedWebhookKind.Handled, "interview.evaluation")).AsExpected.Should().BeTrue();
        Outcome(Rejected, 401).AsExpected.Should().BeTrue();
    }

    [Fact]
    public void AsExpected_WrongStatus_IsFalse() =>
        Outcome(HandledEvaluation, 500, Seen(ReceivedWebhookKind.Handled, "interview.evaluation")).AsExpected.Should().BeFalse();

    [Fact]
    public void AsExpected_NoResponseAtAll_IsFalse() =>
        new DemoOutcome(HandledEvaluation, new DeliveryResult([Attempt(null)]), []).AsExpected.Should().BeFalse();

    [Fact]
    public void AsExpected_ExpectedHandlerNeverRan_IsFalse() =>
        Outcome(HandledEvaluation, 200).AsExpected.Should().BeFalse();

    [Fact]
    public void AsExpected_OtherHandlerKind_IsFalse() =>
        Outcome(HandledEvaluation, 200, Seen(ReceivedWebhookKind.UnknownEvent, "interview.evaluation")).AsExpected.Should().BeFalse();

    [Fact]
    public void AsExpected_HandlerSawAnotherEventType_IsFalse() =>
        Outcome(HandledEvaluation, 200, Seen(ReceivedWebhookKind.Handled, "interview.scores")).AsExpected.Should().BeFalse();

    [Fact]
    public void AsExpected_HandledTwice_IsFalse() =>
        Outcome(HandledEvaluation, 200, Seen(ReceivedWebhookKind.Handled, "interview.evaluation"), Seen(ReceivedWebhookKind.Handled, "interview.evaluation"))
            .AsExpected.Should().BeFalse();

    [Fact]
    public void AsExpected_HandlerRanThoughNoneMay_IsFalse() =>
        Outcome(Rejected, 401, Seen(ReceivedWebhookKind.Handled, "interview.evaluation")).AsExpected.Should().BeFalse();

    [Fact]
    public void HandlerText_SaysWhetherNoCallWasExpected()
    {
        Outcome(Rejected, 401).HandlerText.Should().Be("(no handler ran, as expected)");
        Outcome(HandledEvaluation, 200).HandlerText.Should().Be("(no handler ran)");
    }

    private static DemoScenario Scenario(int status, ReceivedWebhookKind? expectedKind, string? expectedEventType) =>
        new(
            WebhookVendorNames.Boooply,
            "test",
            () => throw new InvalidOperationException("not sent in these tests"),
            DeliveryRetryPolicy.None,
            status,
            expectedKind,
            expectedEventType);

    private static DemoOutcome Outcome(DemoScenario scenario, int status, params ReceivedWebhook[] seen) =>
        new(scenario, new DeliveryResult([Attempt(status)]), seen);

    private static DeliveryAttempt Attempt(int? status) =>
        new(1, 1, status, status is null ? "connection refused" : null, null, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(3));

    private static ReceivedWebhook Seen(ReceivedWebhookKind kind, string eventType) =>
        new(WebhookVendorNames.Boooply, eventType, kind, "summary", "key");
}
