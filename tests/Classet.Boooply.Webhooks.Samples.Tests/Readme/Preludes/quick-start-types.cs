// <!-- snippet: quick-start-types -->: the application classes the README's quick starts use (AtsClient, EvaluationHandler,
// DeadLetterStore), exactly as samples/Classet.Boooply.Webhooks.Samples.QuickStart defines them. A type the block
// declares itself takes precedence.
global using Classet.Boooply.Webhooks.Samples.QuickStart;
