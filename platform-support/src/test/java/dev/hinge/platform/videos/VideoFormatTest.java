package dev.hinge.platform.videos;

import dev.hinge.platform.test.Videos;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class VideoFormatTest {

    private static byte[] head(byte[] file) {
        return Arrays.copyOf(file, Math.min(file.length, VideoFormat.HEAD_BYTES));
    }

    @Test
    void recognisesRealMp4QuickTimeAndWebmFilesByTheirFirstBytes() {
        assertThat(VideoFormat.recognise(head(Videos.bytes(Videos.MP4)))).contains(VideoFormat.MP4);
        assertThat(VideoFormat.recognise(head(Videos.bytes(Videos.MOV)))).contains(VideoFormat.QUICKTIME);
        assertThat(VideoFormat.recognise(head(Videos.bytes(Videos.WEBM)))).contains(VideoFormat.WEBM);
    }

    @Test
    void textIsNotAVideoWhateverItsName() {
        assertThat(VideoFormat.recognise("this is a text file renamed lift.mp4, not a video at all\n"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(VideoFormat.recognise(new byte[0])).isEmpty();
    }

    @Test
    void stillImagesAndSoundInAnIsoContainerAreNotVideos() {
        // HEIC photo from a phone's camera roll: ftyp heic
        assertThat(VideoFormat.recognise(HexFormat.of().parseHex("0000001c667479706865696300000000"
                + "6d69663168656963"))).isEmpty();
        // M4A sound: ftyp M4A
        assertThat(VideoFormat.recognise(HexFormat.of().parseHex("00000020667479704d344120000000004d344120"))).isEmpty();
    }

    @Test
    void matroskaThatIsNotWebmIsRefused() {
        byte[] webm = head(Videos.bytes(Videos.WEBM));
        String hex = HexFormat.of().formatHex(webm).replace("428284" + HexFormat.of().formatHex("webm".getBytes()),
                "428288" + HexFormat.of().formatHex("matroska".getBytes()));
        assertThat(VideoFormat.recognise(HexFormat.of().parseHex(hex))).isEmpty();
    }
}
