package vn.ntm.task.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceSnifferTest {
    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "f", ".bin"), content);
    }

    private Path zip(String... entries) throws IOException {
        Path p = Files.createTempFile(dir, "z", ".zip");
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                if (e.equals("mimetype")) {
                    zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
                }
                zip.closeEntry();
            }
        }
        return p;
    }

    @Test
    void readsTheTypeFromTheMagicBytesNotTheName() throws IOException {
        assertThat(EvidenceSniffer.sniff(file("%PDF-1.4\n".getBytes()), "ảnh.png")).isEqualTo("application/pdf");
        assertThat(EvidenceSniffer.sniff(file(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}), "x.pdf"))
                .isEqualTo("image/jpeg");
        assertThat(EvidenceSniffer.sniff(file("<html></html>".getBytes()), "x.pdf")).isNull();
        assertThat(EvidenceSniffer.sniff(file(new byte[0]), "x.pdf")).isNull();
    }

    @Test
    void tellsOfficeDocumentsApartByTheirContainerEntries() throws IOException {
        assertThat(EvidenceSniffer.sniff(zip("[Content_Types].xml", "word/document.xml"), "x.zip"))
                .isEqualTo(EvidenceSniffer.DOCX);
        assertThat(EvidenceSniffer.sniff(zip("[Content_Types].xml", "xl/workbook.xml"), "x.docx"))
                .isEqualTo(EvidenceSniffer.XLSX);
        assertThat(EvidenceSniffer.sniff(zip("mimetype", "content.xml"), "x.odt"))
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(EvidenceSniffer.sniff(zip("payload.exe"), "x.docx")).isNull();
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(EvidenceSniffer.sniff(file(ole), "Báo cáo.DOC")).isEqualTo("application/msword");
        assertThat(EvidenceSniffer.sniff(file(ole), "x.exe")).isNull();
    }
}
