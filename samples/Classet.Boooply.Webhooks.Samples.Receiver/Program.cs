using Classet.Boooply.Webhooks.Samples.Receiver;

// dotnet run --project samples/Classet.Boooply.Webhooks.Samples.Receiver -- --urls http://127.0.0.1:5080
var app = ReceiverApp.Build(args);
await app.RunAsync();
