package vn.ntm.task.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Office documents built byte by byte, well-formed or crafted, for the sniffer's tests. */
final class OfficeFiles {
    static final String ODT = "application/vnd.oasis.opendocument.text";

    private OfficeFiles() {
    }

    /**
     * An OpenDocument package: {@code mimetype} first, stored (or deflated when {@code stored} is false), holding
     * {@code mimetype} as given, then the other entries (empty).
     */
    static byte[] odf(String mimetype, boolean stored, String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] type = mimetype.getBytes(StandardCharsets.ISO_8859_1);
            ZipEntry first = new ZipEntry("mimetype");
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(type);
                first.setMethod(ZipEntry.STORED);
                first.setSize(type.length);
                first.setCompressedSize(type.length);
                first.setCrc(crc.getValue());
            }
            zip.putNextEntry(first);
            zip.write(type);
            zip.closeEntry();
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A well-formed OpenDocument package of {@code type}. */
    static byte[] odf(String type) {
        return odf(type, true, "content.xml", "styles.xml", "META-INF/manifest.xml");
    }

    /** A ZIP of empty entries, in this order (deflated). */
    static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * An OLE2 compound file (version 3, 512-byte sectors) whose root storage holds empty streams of these names, as
     * a right-leaning chain of siblings: sector 0 the FAT, sectors 1.. the directory (four entries a sector).
     */
    static byte[] ole2(String... streams) {
        return ole2(false, streams);
    }

    /** As {@link #ole2(String...)}; with {@code loop} the directory's last sector points back to its first. */
    static byte[] ole2(boolean loop, String... streams) {
        int entries = streams.length + 1;
        int directorySectors = (entries + 3) / 4;
        ByteBuffer file = ByteBuffer.allocate(512 * (2 + directorySectors)).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        file.putShort(24, (short) 0x3E).putShort(26, (short) 3).putShort(28, (short) 0xFFFE).putShort(30, (short) 9)
                .putShort(32, (short) 6).putInt(44, 1).putInt(48, 1).putInt(56, 4096).putInt(60, -2).putInt(68, -2);
        for (int i = 0; i < 109; i++) {
            file.putInt(76 + i * 4, i == 0 ? 0 : -1);
        }
        int fat = 512;
        int[] table = new int[128];
        Arrays.fill(table, -1);
        table[0] = -3; // the FAT's own sector
        for (int s = 1; s <= directorySectors; s++) {
            table[s] = s < directorySectors ? s + 1 : loop ? 1 : -2;
        }
        for (int i = 0; i < 128; i++) {
            file.putInt(fat + i * 4, table[i]);
        }
        for (int id = 0; id < 4 * directorySectors; id++) {
            int at = 1024 + id * 128;
            file.putInt(at + 68, -1).putInt(at + 72, -1).putInt(at + 76, -1).putInt(at + 116, -2);
            if (id >= entries) {
                continue; // unused entry
            }
            byte[] name = (id == 0 ? "Root Entry" : streams[id - 1]).getBytes(StandardCharsets.UTF_16LE);
            file.put(at, name);
            file.putShort(at + 64, (short) (name.length + 2));
            file.put(at + 66, (byte) (id == 0 ? 5 : 2));
            file.put(at + 67, (byte) 1);
            if (id == 0) {
                file.putInt(at + 76, entries > 1 ? 1 : -1);
            } else if (id + 1 < entries) {
                file.putInt(at + 72, id + 1);
            }
        }
        return file.array();
    }
}
