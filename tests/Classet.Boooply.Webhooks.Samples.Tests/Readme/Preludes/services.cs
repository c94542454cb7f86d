// <!-- snippet: services -->: the block runs where the application's `services` (an IServiceCollection, such as
// builder.Services) and `configuration` (its IConfiguration) are in scope, as in Program.cs. (No using directives
// here: the block's own must be complete.)
internal static class ServicesHost
{
    public static void Configure(
        Microsoft.Extensions.DependencyInjection.IServiceCollection services,
        Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        /*<snippet>*/
    }
}
