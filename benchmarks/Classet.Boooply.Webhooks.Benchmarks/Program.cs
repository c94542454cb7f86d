using BenchmarkDotNet.Running;
BenchmarkSwitcher.FromAssembly(typeof(Classet.Boooply.Webhooks.Benchmarks.VerifyBenchmarks).Assembly).Run(args);
