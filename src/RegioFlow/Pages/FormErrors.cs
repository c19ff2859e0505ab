using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RegioFlow.Pages;

/// <summary>
/// Puts a command's field errors on the page's form fields. Validators name properties as the command does
/// ("Amount"), a handler's own checks sometimes as the API does ("amount"): both land on "{prefix}.Amount".
/// </summary>
public static class FormErrors
{
    public static void Add(ModelStateDictionary modelState, string prefix, ValidationException validation)
    {
        foreach (var error in validation.Errors)
        {
            var key = $"{prefix}.{Field(error.PropertyName)}";
            if (modelState[key]?.Errors.Any(e => e.ErrorMessage == error.ErrorMessage) != true)
            {
                modelState.AddModelError(key, error.ErrorMessage);
            }
        }
    }

    /// <summary>The first error on a form field, for the field's error message and aria-invalid.</summary>
    public static string? For(ModelStateDictionary modelState, string key) => modelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    private static string Field(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToUpperInvariant(propertyName[0]) + propertyName[1..];
}
