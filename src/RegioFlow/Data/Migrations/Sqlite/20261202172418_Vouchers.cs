using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegioFlow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Vouchers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VoucherTerms",
                table: "schemes",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "vouchers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedForOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Gemeente = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AgeAtRequest = table.Column<int>(type: "INTEGER", nullable: false),
                    EmploymentStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProviderOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TrainingRecognised = table.Column<bool>(type: "INTEGER", nullable: false),
                    TrainingStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Price = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    EmployerShare = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionMotivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RedeemedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RedeemedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RedeemedAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    ClaimAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnonymisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vouchers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vouchers_organisations_ProviderOrganisationId",
                        column: x => x.ProviderOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vouchers_organisations_RequestedForOrganisationId",
                        column: x => x.RequestedForOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vouchers_schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voucher_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoucherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voucher_documents_vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_voucher_documents_VoucherId",
                table: "voucher_documents",
                column: "VoucherId");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_CaseId",
                table: "vouchers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_Code",
                table: "vouchers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_PersonKey",
                table: "vouchers",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_ProviderOrganisationId",
                table: "vouchers",
                column: "ProviderOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_RequestedForOrganisationId",
                table: "vouchers",
                column: "RequestedForOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_SchemeId",
                table: "vouchers",
                column: "SchemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "voucher_documents");

            migrationBuilder.DropTable(
                name: "vouchers");

            migrationBuilder.DropColumn(
                name: "VoucherTerms",
                table: "schemes");
        }
    }
}
