using Classet.Boooply.Webhooks.Boooply;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IAtsClient, LoggingAtsClient>();
builder.Services.AddBoooplyWebhooks()         // "Webhooks:Boooply:SigningSecrets:0" from configuration
    .AddHandler<BoooplyEvaluationEvent, EvaluationHandler>();
var app = builder.Build();
app.MapBoooplyWebhooks("/webhooks/boooply");
app.Run();

/// <summary>The app's entry point, public so <c>WebApplicationFactory&lt;Program&gt;</c> can start it in tests.</summary>
public partial class Program
{
}
