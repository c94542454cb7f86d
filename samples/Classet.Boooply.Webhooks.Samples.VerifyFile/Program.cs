using Classet.Boooply.Webhooks.Samples.VerifyFile;

return VerifyFileCommand.Run(args, Console.Out, Console.Error);
