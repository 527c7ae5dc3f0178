package dev.hinge.platform.videos;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The video containers Hinge keeps, recognised by their first bytes (never by a file name or a declared type):
 * <ul>
 * <li>ISO base media files (MP4, and QuickTime's MOV) open with a box whose type is {@code ftyp}; its major brand tells
 * QuickTime ({@code qt  }) from MP4 (a video brand such as {@code isom}, {@code mp42}, {@code avc1}). Brands of
 * still images and sound in the same container (HEIC, AVIF, M4A) are not videos. Old QuickTime files without
 * {@code ftyp} open with a {@code moov}, {@code mdat}, {@code wide} or {@code free} box.</li>
 * <li>WebM is an EBML document ({@code 1A 45 DF A3}) whose DocType, in its header, is {@code webm}.</li>
 * </ul>
 */
public enum VideoFormat {
    MP4("video/mp4", "mp4"),
    QUICKTIME("video/quicktime", "mov"),
    WEBM("video/webm", "webm");

    /** How many of a file's first bytes {@link #recognise} needs at most. */
    public static final int HEAD_BYTES = 64;

    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8",
            "iso9", "mp41", "mp42", "mp71", "avc1", "M4V ", "M4VH", "M4VP", "3gp4", "3gp5", "3gp6", "3gp7", "3g2a", "3g2b",
            "3g2c", "dash", "MSNV", "XAVC", "f4v ", "mmp4");
    private static final String QUICKTIME_BRAND = "qt  ";
    private static final Set<String> QUICKTIME_FIRST_BOXES = Set.of("moov", "mdat", "wide", "free");
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] DOC_TYPE = {0x42, (byte) 0x82};

    private final String mediaType;
    private final String extension;

    VideoFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name extension the folder store keeps it under. */
    public String extension() {
        return extension;
    }

    public static Optional<VideoFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    /** The format of a file that begins with {@code head} (its first {@link #HEAD_BYTES} bytes, or all of a shorter one). */
    public static Optional<VideoFormat> recognise(byte[] head) {
        if (head.length >= 12 && ascii(head, 4).equals("ftyp") && boxSize(head) >= 8) {
            String brand = ascii(head, 8);
            if (brand.equals(QUICKTIME_BRAND)) {
                return Optional.of(QUICKTIME);
            }
            return MP4_BRANDS.contains(brand) ? Optional.of(MP4) : Optional.empty();
        }
        if (head.length >= 8 && QUICKTIME_FIRST_BOXES.contains(ascii(head, 4)) && boxSize(head) >= 8) {
            return Optional.of(QUICKTIME);
        }
        if (head.length >= 4 && Arrays.equals(head, 0, 4, EBML, 0, 4) && webmDocType(head)) {
            return Optional.of(WEBM);
        }
        return Optional.empty();
    }

    private static String ascii(byte[] bytes, int from) {
        return new String(bytes, from, 4, StandardCharsets.ISO_8859_1);
    }

    /** The first box's declared size: 1 means a 64-bit size follows, which is large enough. */
    private static long boxSize(byte[] head) {
        long size = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFFL) << 16) | ((head[2] & 0xFFL) << 8) | (head[3] & 0xFFL);
        return size == 1 ? Long.MAX_VALUE : size;
    }

    /** The EBML header's DocType element (ID 42 82, a one-byte size, then the text) says {@code webm}. */
    private static boolean webmDocType(byte[] head) {
        for (int i = 4; i + 2 + 1 + 4 <= head.length; i++) {
            if (head[i] == DOC_TYPE[0] && head[i + 1] == DOC_TYPE[1]) {
                int size = head[i + 2] & 0xFF;
                return size == 0x84 && ascii(head, i + 3).equals("webm");
            }
        }
        return false;
    }
}
