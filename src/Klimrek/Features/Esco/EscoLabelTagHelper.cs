using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using System.Text.Encodings.Web;

namespace Klimrek.Features.Esco;

/// <summary>
/// <c>&lt;esco-label value="@label" /&gt;</c>: the one way a skill or occupation label is shown. A label in another
/// language than the page's (an English label left on a Dutch page) carries <c>lang</c> and a small language tag; our
/// own Dutch translation of a skill carries a small mark with "eigen vertaling, niet van ESCO" as its title and as
/// text for screen readers.
/// </summary>
[HtmlTargetElement("esco-label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class EscoLabelTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    public const string UnofficialText = "eigen vertaling, niet van ESCO";

    public LocalizedText? Value { get; set; }

    /// <summary>False leaves out the language tag (where the list says it once for all).</summary>
    public bool LanguageTag { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } v) { output.SuppressOutput(); return; }
        var enc = HtmlEncoder.Default;
        var html = new System.Text.StringBuilder();
        html.Append(v.IsFallback ? "<span lang=\"" + enc.Encode(v.Language) + "\">" : "<span>").Append(enc.Encode(v.Text)).Append("</span>");
        if (v.IsUnofficial)
        {
            var note = enc.Encode(L[UnofficialText]);
            html.Append("<abbr class=\"unofficial-mark\" title=\"").Append(note).Append("\" aria-hidden=\"true\">°</abbr><span class=\"visually-hidden\"> (").Append(note).Append(")</span>");
        }
        if (v.IsFallback && LanguageTag)
            html.Append(" <span class=\"tag fallback\" title=\"").Append(enc.Encode(L["Nog geen naam in de taal van deze pagina"]))
                .Append("\">").Append(enc.Encode(v.Language.ToUpperInvariant())).Append("</span>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
