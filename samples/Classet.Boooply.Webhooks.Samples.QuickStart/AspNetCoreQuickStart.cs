using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Classet.Boooply.Webhooks.Samples.QuickStart;

/// <summary>Quick start 3: the ASP.NET Core endpoints.</summary>
public static class AspNetCoreQuickStart
{
    /// <summary>Builds a minimal app that receives both vendors' webhooks.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The app, ready to run.</returns>
    public static WebApplication Build(string[] args)
    {
        // README quick start 3 begins
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<AtsClient>();
        builder.Services.AddClassetWebhooks()         // "Webhooks:Classet:SigningSecrets:0" etc.
            .AddHandler<ClassetInterviewUpdatedEvent>((e, context, ct) =>
            {
                Console.WriteLine($"{e.Data.CandidateId}: {e.Data.InterviewOutcome}");
                return Task.CompletedTask;
            });
        builder.Services.AddBoooplyWebhooks()         // "Webhooks:Boooply:SigningSecrets:0" etc.
            .AddHandler<BoooplyEvaluationEvent, EvaluationHandler>();
        var app = builder.Build();
        app.MapClassetWebhooks("/webhooks/classet");  // 200 / 401 / 400 / 413 / 500, see the status table
        app.MapBoooplyWebhooks("/webhooks/boooply");
        // README quick start 3 ends
        return app;
    }
}
