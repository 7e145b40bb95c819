// Program.cs: .NET 8 or later, no packages (a cached client-credentials call with HttpClient).
using System.Net.Http.Headers;
using System.Net.Http.Json;

var domain = Environment.GetEnvironmentVariable("AUTH0_DOMAIN") ?? "YOUR_DOMAIN";
var tokens = new ManagementToken(
    domain,
    Environment.GetEnvironmentVariable("AUTH0_CLIENT_ID") ?? "YOUR_CLIENT_ID",
    Environment.GetEnvironmentVariable("AUTH0_CLIENT_SECRET")
        ?? throw new InvalidOperationException("Set AUTH0_CLIENT_SECRET in the environment."));

// One HttpClient and one ManagementToken for the whole process (register both as singletons).
var http = new HttpClient { BaseAddress = new Uri($"https://{domain}/") };
for (var page = 0; ; page++) // every page, not just the first 50 applications
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v2/clients?is_global=false&fields=name,client_id&page={page}&per_page=50");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(http));
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    var apps = await response.Content.ReadFromJsonAsync<List<App>>() ?? [];
    foreach (var app in apps) Console.WriteLine($"{app.name} {app.client_id}");
    if (apps.Count < 50) break;
}

record App(string name, string client_id);
record TokenAnswer(string access_token, int expires_in);

sealed class ManagementToken(string domain, string clientId, string clientSecret)
{
    private readonly SemaphoreSlim gate = new(1, 1); // concurrent callers share one token request
    private string? token;
    private DateTimeOffset renewAt;

    public async Task<string> GetAsync(HttpClient http)
    {
        await gate.WaitAsync();
        try
        {
            if (token is null || DateTimeOffset.UtcNow >= renewAt)
            {
                using var answer = await http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = clientSecret,
                    ["audience"] = $"https://{domain}/api/v2/",
                }));
                answer.EnsureSuccessStatusCode();
                var body = await answer.Content.ReadFromJsonAsync<TokenAnswer>() ?? throw new InvalidOperationException("Empty token answer");
                token = body.access_token;
                renewAt = DateTimeOffset.UtcNow.AddSeconds(body.expires_in - 60); // renew a minute early
            }
            return token;
        }
        finally { gate.Release(); }
    }
}
