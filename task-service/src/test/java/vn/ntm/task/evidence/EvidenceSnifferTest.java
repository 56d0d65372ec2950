package vn.ntm.task.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.task.evidence.OfficeFiles.ODT;
import static vn.ntm.task.evidence.OfficeFiles.odf;
import static vn.ntm.task.evidence.OfficeFiles.ole2;
import static vn.ntm.task.evidence.OfficeFiles.zip;

class EvidenceSnifferTest {
    @TempDir
    Path dir;

    private String sniff(byte[] content) throws IOException {
        return EvidenceSniffer.sniff(Files.write(Files.createTempFile(dir, "f", ".bin"), content));
    }

    @Test
    void readsTheTypeFromTheMagicBytes() throws IOException {
        assertThat(sniff("%PDF-1.4\n".getBytes())).isEqualTo("application/pdf");
        assertThat(sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertThat(sniff("<html></html>".getBytes())).isNull();
        assertThat(sniff(new byte[0])).isNull();
    }

    @Test
    void tellsOfficeOpenXmlDocumentsApartByTheirContainerEntries() throws IOException {
        assertThat(sniff(zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(EvidenceSniffer.DOCX);
        assertThat(sniff(zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(EvidenceSniffer.XLSX);
        assertThat(sniff(zip("[Content_Types].xml", "ppt/presentation.xml"))).isEqualTo(EvidenceSniffer.PPTX);
        assertThat(sniff(zip("payload.exe"))).isNull();
    }

    @Test
    void recognisesOpenDocumentByItsPackageStructureAndAFixedListOfTypes() throws IOException {
        for (String type : EvidenceSniffer.ODF) {
            assertThat(sniff(odf(type))).as(type).isEqualTo(type);
        }
        // the type the file names is never sent on: only one of the list, else the file is refused
        for (String type : new String[]{"text/html", ODT + "\r\nX-Evil: 1", ODT + "\n", " " + ODT, ODT + "-template",
                "application/vnd.oasis.opendocument.formula", "application/epub+zip"}) {
            assertThat(sniff(odf(type, true, "content.xml", "META-INF/manifest.xml"))).as(type).isNull();
        }
        // mimetype compressed, not first, or no manifest: not an OpenDocument package
        assertThat(sniff(odf(ODT, false, "content.xml", "META-INF/manifest.xml"))).isNull();
        assertThat(sniff(zip("content.xml", "mimetype", "META-INF/manifest.xml"))).isNull();
        assertThat(sniff(odf(ODT, true, "content.xml"))).isNull();
        // a broken ZIP
        byte[] truncated = odf(ODT);
        assertThat(sniff(Arrays.copyOf(truncated, truncated.length - 30))).isNull();
    }

    @Test
    void recognisesLegacyOfficeByTheCompoundFilesRootStreamNotTheFileName() throws IOException {
        assertThat(sniff(ole2("1Table", "WordDocument", "\u0005SummaryInformation"))).isEqualTo(EvidenceSniffer.DOC);
        assertThat(sniff(ole2("Workbook"))).isEqualTo(EvidenceSniffer.XLS);
        assertThat(sniff(ole2("Book"))).isEqualTo(EvidenceSniffer.XLS);
        assertThat(sniff(ole2("Current User", "PowerPoint Document", "Pictures", "x", "y")))
                .isEqualTo(EvidenceSniffer.PPT);
        // another compound file (an installer, a mail), only the header, a directory chain looping on itself
        assertThat(sniff(ole2("Contents", "\u0005SummaryInformation"))).isNull();
        assertThat(sniff(Arrays.copyOf(ole2("WordDocument"), 8))).isNull();
        assertThat(sniff(Arrays.copyOf(ole2("WordDocument"), 600))).isNull();
        assertThat(sniff(ole2(true, "WordDocument", "b", "c", "d", "e", "f", "g"))).isNull();
    }

    @Test
    void aStoredTypeOutsideTheListIsServedAsGenericBytes() {
        assertThat(EvidenceSniffer.served("application/pdf")).isEqualTo("application/pdf");
        assertThat(EvidenceSniffer.served(ODT)).isEqualTo(ODT);
        assertThat(EvidenceSniffer.served(ODT + "\r\nX-Evil: 1")).isEqualTo("application/octet-stream");
        assertThat(EvidenceSniffer.served("application/vnd.oasis.opendocument.formula"))
                .isEqualTo("application/octet-stream");
        assertThat(EvidenceSniffer.served(null)).isEqualTo("application/octet-stream");
    }
}
