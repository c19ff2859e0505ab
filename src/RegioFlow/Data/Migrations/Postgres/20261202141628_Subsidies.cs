using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegioFlow.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Subsidies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: true),
                    Speerpunten = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bodies_regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Problem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Goals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TargetGroups = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Sectors = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Partners = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    BudgetLines = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    FundingLines = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Kpis = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    BorgingPlan = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_initiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_initiatives_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_initiatives_regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "body_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_body_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_body_members_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "schemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Funder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: true),
                    FundOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BudgetCeiling = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    BudgetPeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetPeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowOpens = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    MaxAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    MinCoFinancingPercent = table.Column<int>(type: "integer", nullable: false),
                    InKindAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    AdvancePercent = table.Column<int>(type: "integer", nullable: false),
                    Tranches = table.Column<int>(type: "integer", nullable: false),
                    ProgressReportMonths = table.Column<int>(type: "integer", nullable: false),
                    FinalReportWeeks = table.Column<int>(type: "integer", nullable: false),
                    ChecklistId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChecklistVersion = table.Column<int>(type: "integer", nullable: false),
                    Quorum = table.Column<int>(type: "integer", nullable: false),
                    AssessingBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkflowId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Committed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Paid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schemes", x => x.Id);
                    table.CheckConstraint("CK_schemes_budget", "\"Committed\" <= \"BudgetCeiling\"");
                    table.ForeignKey(
                        name: "FK_schemes_bodies_AssessingBodyId",
                        column: x => x.AssessingBodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_schemes_bodies_DecisionBodyId",
                        column: x => x.DecisionBodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_schemes_organisations_FundOrganisationId",
                        column: x => x.FundOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_schemes_regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    GrantedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    SettledAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecisionMotivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_applications_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_funding_applications_initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_funding_applications_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_funding_applications_schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_funding_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "funding_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_payments_schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bodies_Name",
                table: "bodies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bodies_RegionId",
                table: "bodies",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_body_members_BodyId_UserExternalId",
                table: "body_members",
                columns: new[] { "BodyId", "UserExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_body_members_UserExternalId",
                table: "body_members",
                column: "UserExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_applications_CaseId",
                table: "funding_applications",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_applications_InitiativeId",
                table: "funding_applications",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_applications_OrganisationId",
                table: "funding_applications",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_applications_SchemeId",
                table: "funding_applications",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_OrganisationId",
                table: "initiatives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegionId",
                table: "initiatives",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_ApplicationId",
                table: "payments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_SchemeId",
                table: "payments",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_schemes_AssessingBodyId",
                table: "schemes",
                column: "AssessingBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_schemes_DecisionBodyId",
                table: "schemes",
                column: "DecisionBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_schemes_FundOrganisationId",
                table: "schemes",
                column: "FundOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_schemes_Name",
                table: "schemes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schemes_RegionId",
                table: "schemes",
                column: "RegionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "body_members");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "funding_applications");

            migrationBuilder.DropTable(
                name: "initiatives");

            migrationBuilder.DropTable(
                name: "schemes");

            migrationBuilder.DropTable(
                name: "bodies");
        }
    }
}
