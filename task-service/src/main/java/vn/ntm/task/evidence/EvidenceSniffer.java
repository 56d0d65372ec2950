package vn.ntm.task.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * The content type of an evidence file from its content alone, never from the file's name, the client's declared
 * type or a string the file holds: PDF and images (JPEG, PNG, GIF, WebP, TIFF, BMP) by their magic numbers; Office
 * Open XML by its container's entries; OpenDocument by its package structure (the first entry {@code mimetype},
 * stored uncompressed, holding one of {@link #ODF}'s types); legacy Word/Excel/PowerPoint by the OLE2 compound file
 * header and the stream its root storage holds ({@code WordDocument}, {@code Workbook}/{@code Book},
 * {@code PowerPoint Document}). Every type returned is one of {@link #TYPES}; anything else is not accepted.
 */
public final class EvidenceSniffer {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String DOC = "application/msword";
    static final String XLS = "application/vnd.ms-excel";
    static final String PPT = "application/vnd.ms-powerpoint";
    /** The OpenDocument types accepted: text, spreadsheet, presentation, drawing. */
    static final Set<String> ODF = Set.of("application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation",
            "application/vnd.oasis.opendocument.graphics");
    /** Every type an evidence file can have. */
    static final Set<String> TYPES;
    /** What a stored type outside {@link #TYPES} is served as (rows written before the types were a fixed list). */
    static final String GENERIC = "application/octet-stream";

    static {
        Set<String> types = new HashSet<>(ODF);
        types.addAll(List.of("application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff",
                "image/bmp", DOCX, XLSX, PPTX, DOC, XLS, PPT));
        TYPES = Set.copyOf(types);
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private EvidenceSniffer() {
    }

    /** The sniffed type, one of {@link #TYPES}, or null when the file is none of the accepted kinds. */
    public static String sniff(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] h = Arrays.copyOf(head, n);
        if (starts(h, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(h, "GIF87a".getBytes(StandardCharsets.US_ASCII)) || starts(h, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (h.length >= 12 && starts(h, 'R', 'I', 'F', 'F') && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return "image/webp";
        }
        if (starts(h, 'I', 'I', 0x2A, 0x00) || starts(h, 'M', 'M', 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (starts(h, 'B', 'M') && h.length >= 14) {
            return "image/bmp";
        }
        if (starts(h, OLE2)) {
            return legacyOffice(file);
        }
        if (starts(h, 'P', 'K', 0x03, 0x04)) {
            return zipped(file);
        }
        return null;
    }

    /** The type to send for a stored type: itself when it is one of {@link #TYPES}, else {@link #GENERIC}. */
    public static String served(String stored) {
        return stored != null && TYPES.contains(stored) ? stored : GENERIC;
    }

    private static String zipped(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] mimetype = firstStoredEntry(file, "mimetype");
            if (mimetype != null) {
                // an OpenDocument package by its structure; its own type only when it is one of ours, as a constant
                String type = new String(mimetype, StandardCharsets.US_ASCII);
                return zip.getEntry("META-INF/manifest.xml") != null
                        ? ODF.stream().filter(type::equals).findFirst().orElse(null) : null;
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return DOCX;
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return PPTX;
                }
            }
            return null;
        } catch (java.util.zip.ZipException e) {
            return null; // not a readable ZIP: not an office document
        }
    }

    /**
     * The content of the ZIP's first entry when it is named {@code name}, stored uncompressed with its sizes in its
     * local header and at most 100 bytes long (as the OpenDocument package format writes {@code mimetype}); else null.
     */
    private static byte[] firstStoredEntry(Path file, String name) throws IOException {
        byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = read(ch, 0, 30 + wanted.length);
            if (header == null) {
                return null;
            }
            int flags = header.getShort(6) & 0xFFFF;
            int method = header.getShort(8) & 0xFFFF;
            long compressed = header.getInt(18) & 0xFFFFFFFFL;
            long size = header.getInt(22) & 0xFFFFFFFFL;
            int nameLength = header.getShort(26) & 0xFFFF;
            int extraLength = header.getShort(28) & 0xFFFF;
            byte[] entryName = new byte[nameLength == wanted.length ? nameLength : 0];
            header.get(30, entryName);
            if ((flags & 0x09) != 0 || method != 0 || nameLength != wanted.length || !Arrays.equals(entryName, wanted)
                    || compressed != size || size > 100) {
                return null; // encrypted, sizes in a data descriptor, compressed, another entry or too long
            }
            ByteBuffer content = read(ch, 30L + nameLength + extraLength, (int) size);
            if (content == null) {
                return null;
            }
            byte[] out = new byte[(int) size];
            content.get(0, out);
            return out;
        }
    }

    /** Word, Excel or PowerPoint 97-2003 by the stream the compound file's root storage holds; else null. */
    private static String legacyOffice(Path file) throws IOException {
        Set<String> streams = CompoundFile.rootStreams(file);
        if (streams.contains("WordDocument")) {
            return DOC;
        }
        if (streams.contains("Workbook") || streams.contains("Book")) {
            return XLS;
        }
        if (streams.contains("PowerPoint Document")) {
            return PPT;
        }
        return null;
    }

    /** {@code length} bytes at {@code position}, little-endian; null when the file ends before. */
    static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        if (position < 0 || position + length > ch.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    /**
     * Just enough of the OLE2 compound file format ([MS-CFB]) to list the streams directly under the root storage:
     * the header, the FAT entries of the directory's sectors and the directory's red-black tree, every read bounded
     * by the file's size and every chain by a count, so that a crafted file ends the search instead of looping.
     */
    static final class CompoundFile {
        private static final int END_OF_CHAIN = -2;
        private static final int NO_STREAM = -1;
        private static final int MAX_DIRECTORY_SECTORS = 1024;

        private final FileChannel ch;
        private final int sectorSize;
        /** The sectors holding the FAT, in order (the DIFAT). */
        private final int[] fatSectors;

        private CompoundFile(FileChannel ch, int sectorSize, int[] fatSectors) {
            this.ch = ch;
            this.sectorSize = sectorSize;
            this.fatSectors = fatSectors;
        }

        /** The names of the streams directly under the root storage; empty when the file is no compound file. */
        static Set<String> rootStreams(Path file) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer header = read(ch, 0, 512);
                if (header == null || (header.getShort(28) & 0xFFFF) != 0xFFFE) {
                    return Set.of();
                }
                int shift = header.getShort(30) & 0xFFFF;
                int major = header.getShort(26) & 0xFFFF;
                if (!(major == 3 && shift == 9) && !(major == 4 && shift == 12)) {
                    return Set.of();
                }
                int sectorSize = 1 << shift;
                int count = header.getInt(44);
                if (count < 0 || count > ch.size() / sectorSize) {
                    return Set.of(); // more FAT sectors than the file has sectors
                }
                int[] fatSectors = new int[count];
                int i = 0;
                for (; i < count && i < 109; i++) {
                    fatSectors[i] = header.getInt(76 + i * 4);
                }
                // the rest in the DIFAT chain: each of its sectors lists sectorSize / 4 - 1 and then points to the next
                int perSector = sectorSize / 4 - 1;
                int difat = header.getInt(68);
                while (i < count) {
                    ByteBuffer s = difat < 0 ? null : read(ch, ((long) difat + 1) * sectorSize, sectorSize);
                    if (s == null) {
                        return Set.of();
                    }
                    for (int k = 0; k < perSector && i < count; k++) {
                        fatSectors[i++] = s.getInt(k * 4);
                    }
                    difat = s.getInt(perSector * 4);
                }
                return new CompoundFile(ch, sectorSize, fatSectors).rootStreams(header.getInt(48));
            }
        }

        private Set<String> rootStreams(int firstDirectorySector) throws IOException {
            List<ByteBuffer> directory = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (int sector = firstDirectorySector; sector != END_OF_CHAIN; sector = fat(sector)) {
                ByteBuffer s = sector(sector);
                if (s == null || !seen.add(sector) || seen.size() > MAX_DIRECTORY_SECTORS) {
                    return Set.of();
                }
                directory.add(s);
            }
            int perSector = sectorSize / 128;
            if (directory.isEmpty() || entryType(directory.get(0), 0) != 5) {
                return Set.of(); // entry 0 is the root storage
            }
            Set<String> names = new HashSet<>();
            Set<Integer> visited = new HashSet<>();
            Deque<Integer> pending = new ArrayDeque<>();
            pending.push(directory.get(0).getInt(76)); // the root's child: the top of its children's tree
            while (!pending.isEmpty()) {
                int id = pending.pop();
                if (id == NO_STREAM || id < 0 || id / perSector >= directory.size() || !visited.add(id)) {
                    continue;
                }
                ByteBuffer s = directory.get(id / perSector);
                int at = (id % perSector) * 128;
                int nameBytes = s.getShort(at + 64) & 0xFFFF;
                if (entryType(s, at) == 2 && nameBytes >= 2 && nameBytes <= 64) {
                    byte[] name = new byte[nameBytes - 2]; // without the terminating null
                    s.get(at, name);
                    names.add(new String(name, StandardCharsets.UTF_16LE));
                }
                pending.push(s.getInt(at + 68)); // left sibling
                pending.push(s.getInt(at + 72)); // right sibling
            }
            return names;
        }

        private static int entryType(ByteBuffer s, int at) {
            return s.get(at + 66);
        }

        private ByteBuffer sector(int id) throws IOException {
            return id < 0 ? null : read(ch, ((long) id + 1) * sectorSize, sectorSize);
        }

        /** The FAT entry of {@code sector}: the next sector of its chain; -1 when it cannot be read. */
        private int fat(int sector) throws IOException {
            int perSector = sectorSize / 4;
            if (sector < 0 || sector / perSector >= fatSectors.length) {
                return -1;
            }
            ByteBuffer fat = sector(fatSectors[sector / perSector]);
            return fat == null ? -1 : fat.getInt((sector % perSector) * 4);
        }
    }

    private static boolean starts(byte[] h, byte[] prefix) {
        return h.length >= prefix.length && Arrays.equals(h, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean starts(byte[] h, int... prefix) {
        if (h.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((h[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
