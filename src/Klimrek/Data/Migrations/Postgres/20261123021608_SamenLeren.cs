using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Klimrek.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SamenLeren : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    HoursPerParticipant = table.Column<int>(type: "integer", nullable: false),
                    ExpertBudgetPerDuo = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ReflectionCadenceWeeks = table.Column<int>(type: "integer", nullable: false),
                    IntervisionSessionCount = table.Column<int>(type: "integer", nullable: false),
                    NotMetWeeks = table.Column<int>(type: "integer", nullable: false),
                    WeightComplementarity = table.Column<int>(type: "integer", nullable: false),
                    WeightQualities = table.Column<int>(type: "integer", nullable: false),
                    WeightAffinity = table.Column<int>(type: "integer", nullable: false),
                    WeightAvailability = table.Column<int>(type: "integer", nullable: false),
                    WeightCrossDepartment = table.Column<int>(type: "integer", nullable: false),
                    AvoidSameTeam = table.Column<bool>(type: "boolean", nullable: false),
                    TrioForOdd = table.Column<bool>(type: "boolean", nullable: false),
                    ReflectionVisibility = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programmes_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MatchRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    RunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RunById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    Groups = table.Column<int>(type: "integer", nullable: false),
                    Unmatched = table.Column<int>(type: "integer", nullable: false),
                    TotalScore = table.Column<double>(type: "double precision", nullable: false),
                    CandidateEdges = table.Column<int>(type: "integer", nullable: false),
                    PricingRounds = table.Column<int>(type: "integer", nullable: false),
                    Milliseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchRuns_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Discipline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ManagerParticipantId = table.Column<int>(type: "integer", nullable: true),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    EnrolledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IntakeCompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnmatchedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Participants_Participants_ManagerParticipantId",
                        column: x => x.ManagerParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Participants_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeStewards",
                columns: table => new
                {
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeStewards", x => new { x.ProgrammeId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProgrammeStewards_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeStewards_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Duos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    MatchRunId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Fixed = table.Column<bool>(type: "boolean", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Duos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Duos_MatchRuns_MatchRunId",
                        column: x => x.MatchRunId,
                        principalTable: "MatchRuns",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Duos_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Motivation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    WhyDuo = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Goals = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Results = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Product = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GoalsReached = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.ParticipantId);
                    table.ForeignKey(
                        name: "FK_Evaluations_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SkillId = table.Column<int>(type: "integer", nullable: true),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntakeTerms_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntakeTerms_Skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "Skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "IntervisionSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    ReporterParticipantId = table.Column<int>(type: "integer", nullable: true),
                    Problems = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Discussed = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    LearningPoints = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AppreciativeInquiry = table.Column<bool>(type: "boolean", nullable: false),
                    Tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntervisionSessions_Participants_ReporterParticipantId",
                        column: x => x.ReporterParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntervisionSessions_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PairRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantAId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantBId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PairRules_Participants_ParticipantAId",
                        column: x => x.ParticipantAId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PairRules_Participants_ParticipantBId",
                        column: x => x.ParticipantBId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PairRules_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DuoMembers",
                columns: table => new
                {
                    DuoId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: false),
                    ResponseNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuoMembers", x => new { x.DuoId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_DuoMembers_Duos_DuoId",
                        column: x => x.DuoId,
                        principalTable: "Duos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DuoMembers_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DuoPlans",
                columns: table => new
                {
                    DuoId = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Goal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Product = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MeetingMoments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuoPlans", x => x.DuoId);
                    table.ForeignKey(
                        name: "FK_DuoPlans_Duos_DuoId",
                        column: x => x.DuoId,
                        principalTable: "Duos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertExpenses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DuoId = table.Column<int>(type: "integer", nullable: false),
                    EnteredByParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertExpenses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertExpenses_Duos_DuoId",
                        column: x => x.DuoId,
                        principalTable: "Duos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpertExpenses_Participants_EnteredByParticipantId",
                        column: x => x.EnteredByParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "HourEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    DuoId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Activity = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HourEntries_Duos_DuoId",
                        column: x => x.DuoId,
                        principalTable: "Duos",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_HourEntries_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DuoId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Duos_DuoId",
                        column: x => x.DuoId,
                        principalTable: "Duos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reflections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DuoId = table.Column<int>(type: "integer", nullable: false),
                    AuthorParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    WentWell = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    BuildOn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Difficult = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    NextStep = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reflections_Duos_DuoId",
                        column: x => x.DuoId,
                        principalTable: "Duos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reflections_Participants_AuthorParticipantId",
                        column: x => x.AuthorParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "IntervisionAttendees",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionAttendees", x => new { x.SessionId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_IntervisionAttendees_IntervisionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "IntervisionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntervisionAttendees_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuoMembers_ParticipantId",
                table: "DuoMembers",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Duos_MatchRunId",
                table: "Duos",
                column: "MatchRunId");

            migrationBuilder.CreateIndex(
                name: "IX_Duos_ProgrammeId",
                table: "Duos",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertExpenses_DuoId",
                table: "ExpertExpenses",
                column: "DuoId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertExpenses_EnteredByParticipantId",
                table: "ExpertExpenses",
                column: "EnteredByParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_DuoId",
                table: "HourEntries",
                column: "DuoId");

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ParticipantId",
                table: "HourEntries",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeTerms_ParticipantId_Kind_Key",
                table: "IntakeTerms",
                columns: new[] { "ParticipantId", "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntakeTerms_SkillId",
                table: "IntakeTerms",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionAttendees_ParticipantId",
                table: "IntervisionAttendees",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionSessions_ProgrammeId_Number",
                table: "IntervisionSessions",
                columns: new[] { "ProgrammeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionSessions_ReporterParticipantId",
                table: "IntervisionSessions",
                column: "ReporterParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_ProgrammeId",
                table: "MatchRuns",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_DuoId",
                table: "Meetings",
                column: "DuoId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Uid",
                table: "Meetings",
                column: "Uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PairRules_ParticipantAId",
                table: "PairRules",
                column: "ParticipantAId");

            migrationBuilder.CreateIndex(
                name: "IX_PairRules_ParticipantBId",
                table: "PairRules",
                column: "ParticipantBId");

            migrationBuilder.CreateIndex(
                name: "IX_PairRules_ProgrammeId_ParticipantAId_ParticipantBId",
                table: "PairRules",
                columns: new[] { "ProgrammeId", "ParticipantAId", "ParticipantBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ManagerParticipantId",
                table: "Participants",
                column: "ManagerParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ProgrammeId_UserId",
                table: "Participants",
                columns: new[] { "ProgrammeId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId",
                table: "Participants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_OrganisationId",
                table: "Programmes",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeStewards_UserId",
                table: "ProgrammeStewards",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_AuthorParticipantId",
                table: "Reflections",
                column: "AuthorParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_DuoId_AuthorParticipantId_Period",
                table: "Reflections",
                columns: new[] { "DuoId", "AuthorParticipantId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuoMembers");

            migrationBuilder.DropTable(
                name: "DuoPlans");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "ExpertExpenses");

            migrationBuilder.DropTable(
                name: "HourEntries");

            migrationBuilder.DropTable(
                name: "IntakeTerms");

            migrationBuilder.DropTable(
                name: "IntervisionAttendees");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "PairRules");

            migrationBuilder.DropTable(
                name: "ProgrammeStewards");

            migrationBuilder.DropTable(
                name: "Reflections");

            migrationBuilder.DropTable(
                name: "IntervisionSessions");

            migrationBuilder.DropTable(
                name: "Duos");

            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropTable(
                name: "MatchRuns");

            migrationBuilder.DropTable(
                name: "Programmes");
        }
    }
}
