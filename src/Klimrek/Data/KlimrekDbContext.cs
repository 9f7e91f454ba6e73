using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Data;

/// <summary>
/// The application's database. Two provider-specific subclasses exist only so that each provider has its own
/// migrations history (<see cref="SqliteKlimrekDbContext"/>, <see cref="PostgresKlimrekDbContext"/>);
/// the model is defined once, here. It also keeps the data-protection keys (<see cref="DataProtectionKeys"/>), so that
/// every instance on one database signs and reads the same cookies and antiforgery tokens.
/// </summary>
public abstract class KlimrekDbContext(DbContextOptions options) : IdentityDbContext<KlimrekUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<AccountInvitation> AccountInvitations => Set<AccountInvitation>();
    public DbSet<IscoGroup> IscoGroups => Set<IscoGroup>();
    public DbSet<IscoGroupText> IscoGroupTexts => Set<IscoGroupText>();
    public DbSet<Occupation> Occupations => Set<Occupation>();
    public DbSet<OccupationText> OccupationTexts => Set<OccupationText>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<SkillText> SkillTexts => Set<SkillText>();
    public DbSet<OccupationSkill> OccupationSkills => Set<OccupationSkill>();
    public DbSet<SkillBroader> SkillBroaders => Set<SkillBroader>();
    public DbSet<SkillRelation> SkillRelations => Set<SkillRelation>();
    public DbSet<EscoImport> EscoImports => Set<EscoImport>();
    public DbSet<CatalogueState> CatalogueState => Set<CatalogueState>();
    public DbSet<ImageRevision> ImageRevisions => Set<ImageRevision>();
    public DbSet<SkillLabelRevision> SkillLabelRevisions => Set<SkillLabelRevision>();
    public DbSet<SkillProfile> SkillProfiles => Set<SkillProfile>();
    public DbSet<ProfileOccupation> ProfileOccupations => Set<ProfileOccupation>();
    public DbSet<ProfileSkill> ProfileSkills => Set<ProfileSkill>();
    public DbSet<ProfileShare> ProfileShares => Set<ProfileShare>();
    public DbSet<GuidanceEntry> GuidanceEntries => Set<GuidanceEntry>();
    public DbSet<LabourMarketIndicator> LabourMarketIndicators => Set<LabourMarketIndicator>();
    public DbSet<LabourMarketImport> LabourMarketImports => Set<LabourMarketImport>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeSteward> ProgrammeStewards => Set<ProgrammeSteward>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<IntakeTerm> IntakeTerms => Set<IntakeTerm>();
    public DbSet<PairRule> PairRules => Set<PairRule>();
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<Duo> Duos => Set<Duo>();
    public DbSet<DuoMember> DuoMembers => Set<DuoMember>();
    public DbSet<DuoPlan> DuoPlans => Set<DuoPlan>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<HourEntry> HourEntries => Set<HourEntry>();
    public DbSet<ExpertExpense> ExpertExpenses => Set<ExpertExpense>();
    public DbSet<Reflection> Reflections => Set<Reflection>();
    public DbSet<IntervisionSession> IntervisionSessions => Set<IntervisionSession>();
    public DbSet<IntervisionAttendee> IntervisionAttendees => Set<IntervisionAttendee>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<ScheduledReminder> ScheduledReminders => Set<ScheduledReminder>();
    public DbSet<WorkRelation> WorkRelations => Set<WorkRelation>();
    public DbSet<QuestionSetRevision> QuestionSetRevisions => Set<QuestionSetRevision>();
    public DbSet<QuestionItem> QuestionItems => Set<QuestionItem>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationAnswer> ConversationAnswers => Set<ConversationAnswer>();
    public DbSet<PersonDriver> PersonDrivers => Set<PersonDriver>();
    public DbSet<WorkTheme> WorkThemes => Set<WorkTheme>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<ScanInstrument> ScanInstruments => Set<ScanInstrument>();
    public DbSet<ScanItem> ScanItems => Set<ScanItem>();
    public DbSet<ScanRound> ScanRounds => Set<ScanRound>();
    public DbSet<ScanRoundUnit> ScanRoundUnits => Set<ScanRoundUnit>();
    public DbSet<ScanInvitation> ScanInvitations => Set<ScanInvitation>();
    public DbSet<ScanDraft> ScanDrafts => Set<ScanDraft>();
    public DbSet<ScanResponse> ScanResponses => Set<ScanResponse>();
    public DbSet<ScanAnswer> ScanAnswers => Set<ScanAnswer>();
    public DbSet<ScanOpenAnswer> ScanOpenAnswers => Set<ScanOpenAnswer>();
    public DbSet<ScanChoice> ScanChoices => Set<ScanChoice>();
    public DbSet<ScanBlockScore> ScanBlockScores => Set<ScanBlockScore>();
    public DbSet<CoachingRoute> CoachingRoutes => Set<CoachingRoute>();
    public DbSet<CoachingLog> CoachingLogs => Set<CoachingLog>();
    public DbSet<ExperimentMember> ExperimentMembers => Set<ExperimentMember>();
    public DbSet<ExperimentDriver> ExperimentDrivers => Set<ExperimentDriver>();
    public DbSet<ExperimentSkill> ExperimentSkills => Set<ExperimentSkill>();
    public DbSet<FeedbackMoment> FeedbackMoments => Set<FeedbackMoment>();
    public DbSet<CircleMember> CircleMembers => Set<CircleMember>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<SignalRecipient> SignalRecipients => Set<SignalRecipient>();
    public DbSet<ReadinessCheckIn> ReadinessCheckIns => Set<ReadinessCheckIn>();
    public DbSet<DevelopmentPlan> DevelopmentPlans => Set<DevelopmentPlan>();
    public DbSet<PlanSkill> PlanSkills => Set<PlanSkill>();
    public DbSet<LearningActivity> LearningActivities => Set<LearningActivity>();
    public DbSet<CycleConversation> CycleConversations => Set<CycleConversation>();
    public DbSet<CycleAgreement> CycleAgreements => Set<CycleAgreement>();
    public DbSet<WorkComment> WorkComments => Set<WorkComment>();

    /// <summary>The access log is append-only: a save that would change or delete an entry is refused.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<AccessLogEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The access log is append-only.");
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KlimrekDbContext).Assembly);
        // Every record people edit carries a version the database checks on save (Versions.Expect).
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }
}

public sealed class SqliteKlimrekDbContext(DbContextOptions<SqliteKlimrekDbContext> options) : KlimrekDbContext(options);

public sealed class PostgresKlimrekDbContext(DbContextOptions<PostgresKlimrekDbContext> options) : KlimrekDbContext(options);
