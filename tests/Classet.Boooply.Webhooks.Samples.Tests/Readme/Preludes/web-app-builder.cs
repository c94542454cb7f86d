// <!-- snippet: web-app-builder -->: the block runs where `builder` (the application's WebApplicationBuilder, as in
// README quick start 3) is in scope. (No using directives here: the block's own must be complete.)
internal static class WebAppBuilderHost
{
    public static void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
        /*<snippet>*/
    }
}
