using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

public sealed class EvaluationModel(EvaluationService evaluations) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Motivation { get; set; }
    [BindProperty] public string? WhyDuo { get; set; }
    [BindProperty] public string? Goals { get; set; }
    [BindProperty] public string? Results { get; set; }
    [BindProperty] public string? Product { get; set; }
    [BindProperty] public int GoalsReached { get; set; }
    [BindProperty] public List<string> Tags { get; set; } = [];
    [BindProperty] public bool Share { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Access.Me is null) return Forbid();
        if (await evaluations.MyEvaluationAsync(Access, ct) is { } e)
        {
            (Motivation, WhyDuo, Goals, Results, Product, GoalsReached) = (e.Motivation, e.WhyDuo, e.Goals, e.Results, e.Product, e.GoalsReached);
            Share = e.SharedWithSteeringGroup;
            Tags = FactorTags.Split(e.Tags).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (ok, st) = await TryAsync(() => evaluations.SaveEvaluationAsync(Access, new EvaluationInput(Motivation, WhyDuo, Goals, Results, Product, GoalsReached, Tags, Share), ct));
        if (st is not null) return st;
        if (!ok) return Page();
        Message = "Je evaluatie is opgeslagen. Dank je wel!";
        return Redirect($"/samen-leren/{Id}");
    }
}
