using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Common;

namespace RegioFlow.Pages;

/// <summary>
/// How a page answers a use case, as the API does (README decision 32): field errors on the form with 400, a conflict as
/// the page's alert with 409, and the error page for 403 and 404. One place, so the pages cannot drift apart.
/// </summary>
internal static class UseCasePage
{
    /// <summary>
    /// Runs a post's use case. <paramref name="send"/> returns the result on success, or null when it did not send (the
    /// form has errors already). Done is the result to return as it is (success, 403, 404); otherwise the page is shown
    /// again with Status and, for a conflict, its message.
    /// </summary>
    public static async Task<(IActionResult? Done, int Status, string? Conflict)> SendAsync(this PageModel page, string formPrefix, Func<Task<IActionResult?>> send)
    {
        try
        {
            return await send() is { } done ? (done, StatusCodes.Status200OK, null) : (null, StatusCodes.Status400BadRequest, null);
        }
        catch (ValidationException validation)
        {
            FormErrors.Add(page.ModelState, formPrefix, validation);
            return (null, StatusCodes.Status400BadRequest, null);
        }
        catch (ConflictException conflict)
        {
            return (null, StatusCodes.Status409Conflict, conflict.Message);
        }
        catch (ForbiddenException)
        {
            return (page.Forbid(), StatusCodes.Status403Forbidden, null);
        }
        catch (NotFoundException)
        {
            return (page.NotFound(), StatusCodes.Status404NotFound, null);
        }
    }

    /// <summary>Loads what the page shows; the 403 or 404 result when it may not or cannot be shown, else null.</summary>
    public static async Task<IActionResult?> ShowAsync(this PageModel page, Func<Task> load)
    {
        try
        {
            await load();
            return null;
        }
        catch (ForbiddenException)
        {
            return page.Forbid();
        }
        catch (NotFoundException)
        {
            return page.NotFound();
        }
    }
}
