namespace Classet.Boooply.Webhooks.Sqlite;

/// <summary>How hard the SQLite inbox store pushes each commit to disk before the endpoint answers 200.</summary>
public enum SqliteWebhookInboxDurability
{
    /// <summary>
    /// <c>PRAGMA synchronous=FULL</c> in WAL mode (the default): each commit is fsynced before it returns, so an acknowledged
    /// delivery survives a process crash, an OS crash and a power loss (on storage that honours fsync).
    /// </summary>
    Full = 0,

    /// <summary>
    /// <c>PRAGMA synchronous=NORMAL</c> in WAL mode: commits are written to the OS but fsynced only at checkpoints. An
    /// acknowledged delivery survives a crash of the app process, but an OS crash or a power loss can lose the last
    /// commits: deliveries already answered 200, which the vendor will not send again. Faster; choose it only if that
    /// risk is acceptable (for example on a disposable dev box).
    /// </summary>
    Normal = 1,
}
