// Lists every application of an Auth0 tenant, one "<client_id>\t<name>" line each, with the
// official .NET SDK. Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET and nothing else.
// Not compiled by Token Lab (no .NET toolchain on its machines): checked by hand against the
// SDK's source, see the guide's .NET tab.
using Auth0.ManagementApi;

var domain = Required("AUTH0_DOMAIN");

// One token provider and one client for the whole process. The provider asks /oauth/token for a
// token on the first call, keeps it, and asks again only shortly before it expires.
using var tokens = new ClientCredentialsTokenProvider(domain, Required("AUTH0_CLIENT_ID"), Required("AUTH0_CLIENT_SECRET"));
using var management = new ManagementClient(new ManagementClientOptions { Domain = domain, TokenProvider = tokens });

// The pager fetches the next page when this one runs out: every application is listed.
var applications = await management.Clients.ListAsync(new ListClientsRequestParameters
{
    IsGlobal = false,
    Fields = "client_id,name",
    IncludeFields = true,
    PerPage = 50,
});
await foreach (var app in applications)
{
    Console.WriteLine($"{app.ClientId}\t{app.Name}");
}

static string Required(string name)
{
    var value = Environment.GetEnvironmentVariable(name);
    if (string.IsNullOrEmpty(value))
    {
        Console.Error.WriteLine($"Set {name} in the environment (from your secret store).");
        Environment.Exit(1);
    }
    return value!;
}
