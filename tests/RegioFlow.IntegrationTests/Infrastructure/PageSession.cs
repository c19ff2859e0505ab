using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RegioFlow.IntegrationTests.Infrastructure;

/// <summary>A browser-like HTTP session: keeps cookies and posts forms with their antiforgery token.</summary>
public sealed partial class PageSession(WebApplicationFactory<Program> factory)
{
    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads the page that holds the form, then posts the fields with the form's antiforgery token.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, html) = await GetAsync(formPage);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage}");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        var response = await Client.PostAsync(action, content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Like <see cref="PostFormAsync"/>, for a form with enctype multipart/form-data (a file upload).</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostMultipartAsync(string formPage, string action, MultipartFormDataContent content)
    {
        var (_, html) = await GetAsync(formPage);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage}");
        content.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        var response = await Client.PostAsync(action, content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public async Task SignInAsync(string login)
    {
        var (response, _) = await PostFormAsync("/account/aanmelden", "/account/aanmelden", [new("login", login), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
