using Classet.Boooply.Webhooks.Boooply;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.Samples.QuickStart;

/// <summary>Quick start 2: register options, validation and handlers with dependency injection.</summary>
public static class DependencyInjectionQuickStart
{
    /// <summary>Registers the Boooply webhook services.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<AtsClient>();

        // README quick start 2 begins
        services.AddBoooplyWebhooks()                 // binds "Webhooks:Boooply"; a missing or empty secret fails at startup
            .AddHandler<BoooplyEvaluationEvent, EvaluationHandler>()
            .AddHandler<BoooplyScoresEvent>((e, context, ct) =>
            {
                Console.WriteLine($"{e.Data.CandidateName}: technical {e.Data.Scores?.TechnicalSkills}");
                return Task.CompletedTask;
            })
            .AddDeadLetterHandler<DeadLetterStore>()  // authentic but unparseable bodies: nothing is lost
            .AddDeduplication();                      // Boooply's idempotency key: "{meetingCode}:{event}"
        // README quick start 2 ends
        return services;
    }
}
