using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RegioFlow.Pages;

/// <summary>One friendly page for every error status. Exception details only in the Development environment.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IHostEnvironment environment) : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    public string TraceId { get; private set; } = "";

    public string? DeveloperDetails { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Status = code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Message) = Status switch
        {
            400 => ("Het verzoek klopt niet", "De gegevens die u stuurde kunnen niet worden verwerkt. Ga terug en controleer uw invoer."),
            401 => ("U bent niet aangemeld", "Meld u aan om verder te gaan."),
            403 => ("Geen toegang", "U heeft niet de rol of het lidmaatschap dat nodig is om deze pagina te bekijken."),
            404 => ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina."),
            409 => ("Conflict", "De gegevens zijn intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens."),
            413 => ("Te groot", "Het bestand of de invoer is te groot."),
            _ when Status >= 500 => ("Er ging iets mis", "Er is een fout opgetreden aan onze kant. De fout is vastgelegd; probeer het later opnieuw."),
            _ => ("Er ging iets mis", "Het verzoek kon niet worden afgehandeld."),
        };
        if (environment.IsDevelopment() && exception is not null)
        {
            DeveloperDetails = exception.ToString();
        }
    }
}
