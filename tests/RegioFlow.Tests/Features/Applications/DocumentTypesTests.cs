using System.IO.Compression;
using System.Text;
using RegioFlow.Features.Applications;

namespace RegioFlow.Tests.Features.Applications;

public sealed class DocumentTypesTests
{
    [Fact]
    public void A_zip_based_office_file_is_recognised_by_the_entry_only_its_format_has()
    {
        Assert.Equal(DocumentTypes.Docx, DocumentTypes.Detect(Zip("word/document.xml", "<w:document/>")));
        Assert.Equal(DocumentTypes.Xlsx, DocumentTypes.Detect(Zip("xl/workbook.xml", "<workbook/>")));
        Assert.Equal(DocumentTypes.Odt, DocumentTypes.Detect(Zip("mimetype", "application/vnd.oasis.opendocument.text")));
    }

    [Fact]
    public void Other_open_document_types_a_plain_zip_and_a_broken_zip_are_not_allowed()
    {
        Assert.Null(DocumentTypes.Detect(Zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet")));
        Assert.Null(DocumentTypes.Detect(Zip("readme.txt", "tekst")));
        Assert.Null(DocumentTypes.Detect([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)] // a Windows executable
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)] // cut off before the PDF header ends
    [InlineData(new byte[0], null)]
    public void Pdf_png_and_jpeg_are_recognised_by_their_magic_bytes(byte[] content, string? expected) =>
        Assert.Equal(expected, DocumentTypes.Detect(content));

    private static byte[] Zip(string name, string content)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.ASCII);
            writer.Write(content);
        }

        return stream.ToArray();
    }
}
