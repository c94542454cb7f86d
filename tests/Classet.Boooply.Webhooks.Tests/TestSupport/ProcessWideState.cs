namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>
/// Tests that read or hold process-wide state (the garbage collector's queues, the limit on concurrent canonical-JSON
/// checks) run in this collection, alone, after the parallel ones: another test running beside them would change what
/// they measure, or be refused by the limit they hold.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideState
{
    public const string Name = "Process-wide state";
}
