package dev.hinge.athlete.pages;

import dev.hinge.platform.test.Browser;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing up and in, in headless Chromium: the pages' scripts load under their Content-Security-Policy, a refusal
 * shows beside its field, the pages pass axe-core, and a person lands signed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest {
    @LocalServerPort
    int port;
    Browser browser;

    @BeforeAll
    void openTheBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void aLifterSignsUpAfterBeingToldWhatIsWrongWithTheirPassword() {
        browser.get("http://localhost:" + port + "/athlete/sign-up");
        // htmx loads under the policy; ECharts (1 MB) only where a chart is
        assertThat(browser.<String>script("return typeof htmx + ' ' + typeof echarts")).isEqualTo("object undefined");
        browser.assertAccessible("sign-up");
        browser.screenshots("athlete-sign-up");

        var page = browser.driver();
        page.findElement(By.id("displayName")).sendKeys("Mark");
        page.findElement(By.id("email")).sendKeys("mark-" + UUID.randomUUID() + "@example.com");
        page.findElement(By.id("password")).sendKeys("short");
        page.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-password")));
        assertThat(page.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Mark");
        browser.assertAccessible("sign-up with an error");
        browser.screenshots("athlete-sign-up-refused");

        page.findElement(By.id("password")).sendKeys("correct horse battery staple");
        page.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlToBe("http://localhost:" + port + "/athlete/"));
        assertThat(page.manage().getCookieNamed("hinge_session")).isNotNull();
        assertThat(page.manage().getCookieNamed("hinge_session").isHttpOnly()).isTrue();
    }

    @Test
    void theSignInPagePassesAxe() {
        browser.get("http://localhost:" + port + "/athlete/sign-in");
        browser.assertAccessible("sign-in");
        browser.screenshots("athlete-sign-in");
    }
}
