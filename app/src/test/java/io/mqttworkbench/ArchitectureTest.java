package io.mqttworkbench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of the code base, checked on every build. */
@AnalyzeClasses(packages = "io.mqttworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.mqttworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..", "org.fxmisc..",
                    "org.controlsfx..")
            .because("the engine, models and command line must run (and be tested) without a display");

    @ArchTest
    static final ArchRule onlyTheEngineUsesAnMqttClientLibrary = noClasses()
            .that().resideOutsideOfPackage("io.mqttworkbench.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..", "com.hivemq.client..", "io.netty..", "io.reactivex..")
            .because("the rest of the code must not care which MQTT client library (HiveMQ or Paho) or protocol version is in use");

    @ArchTest
    static final ArchRule nothingBelowTheUiDependsOnIt = noClasses()
            .that().resideInAnyPackage("io.mqttworkbench.mqtt..", "io.mqttworkbench.profile..", "io.mqttworkbench.topic..",
                    "io.mqttworkbench.message..", "io.mqttworkbench.decode..", "io.mqttworkbench.publish..",
                    "io.mqttworkbench.replay..", "io.mqttworkbench.sandbox..", "io.mqttworkbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.mqttworkbench.ui..")
            .because("data flows one way: engine and models to views");

    @ArchTest
    static final ArchRule onlyTheSandboxUsesTheHiveMqBroker = noClasses()
            .that().resideOutsideOfPackage("io.mqttworkbench.sandbox..")
            .should().dependOnClassesThat(resideInAPackage("com.hivemq..").and(not(resideInAPackage("com.hivemq.client.."))))
            .because("the embedded broker (HiveMQ CE) is a detail of the sandbox; its client library is the engine's");

    @ArchTest
    static final ArchRule onlyTheProfilesTouchTheKeyring = noClasses()
            .that().resideOutsideOfPackage("io.mqttworkbench.profile..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.javakeyring..", "org.freedesktop.dbus..", "com.sun.jna..")
            .because("where passwords are kept (keyring or file) is the profile store's business; the rest sees SecretStore");

    @ArchTest
    static final ArchRule onlyTheHistoryTouchesTheDatabase = noClasses()
            .that().resideOutsideOfPackage("io.mqttworkbench.history..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("plain JDBC in one small package: the log, the tree and the command line see MessageHistory");

    /** The screens of the window, each a package under {@code ui} that only {@code ui.connection} and {@code ui.workspace} combine. */
    private static final String[] SCREENS = {"profile", "log", "tree", "publish", "replay", "broker", "sparkplug"};

    @ArchTest
    static final ArchRule theUiIsSplitByScreen = classes()
            .that().resideInAPackage("io.mqttworkbench.ui..")
            .should().resideInAnyPackage("io.mqttworkbench.ui.common", "io.mqttworkbench.ui.workspace", "io.mqttworkbench.ui.connection",
                    "io.mqttworkbench.ui.profile", "io.mqttworkbench.ui.log", "io.mqttworkbench.ui.tree", "io.mqttworkbench.ui.publish",
                    "io.mqttworkbench.ui.replay", "io.mqttworkbench.ui.broker", "io.mqttworkbench.ui.sparkplug")
            .because("each file of the window belongs to the screen it makes, or to what the screens share");

    @ArchTest
    static final ArchRule whatScreensShareDependsOnNoScreen = noClasses()
            .that().resideInAPackage("io.mqttworkbench.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mqttworkbench.ui.workspace..", "io.mqttworkbench.ui.connection..",
                    "io.mqttworkbench.ui.profile..", "io.mqttworkbench.ui.log..", "io.mqttworkbench.ui.tree..", "io.mqttworkbench.ui.publish..",
                    "io.mqttworkbench.ui.replay..", "io.mqttworkbench.ui.broker..", "io.mqttworkbench.ui.sparkplug..")
            .because("ui.common is below every screen");

    @ArchTest
    static final ArchRule screensDoNotReachIntoEachOther = screensDependOnlyOnThemselvesAndCommon();

    @ArchTest
    static final ArchRule aConnectionDoesNotKnowTheWorkspace = noClasses()
            .that().resideInAPackage("io.mqttworkbench.ui.connection..")
            .should().dependOnClassesThat().resideInAPackage("io.mqttworkbench.ui.workspace..")
            .because("the workspace wires connections, not the other way round");

    @ArchTest
    static final ArchRule theUiPackagesHaveNoCycles = slices().matching("io.mqttworkbench.ui.(*)..").should().beFreeOfCycles();

    private static ArchRule screensDependOnlyOnThemselvesAndCommon() {
        com.tngtech.archunit.lang.CompositeArchRule rule = null;
        for (String screen : SCREENS) {
            String own = "io.mqttworkbench.ui." + screen + "..";
            String[] others = java.util.Arrays.stream(new String[] {"workspace", "connection", "profile", "log", "tree", "publish", "replay", "broker", "sparkplug"})
                    .filter(other -> !other.equals(screen)).map(other -> "io.mqttworkbench.ui." + other + "..").toArray(String[]::new);
            ArchRule one = noClasses().that().resideInAPackage(own).should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a screen uses ui.common and its own classes; ui.connection and ui.workspace combine screens");
            rule = rule == null ? com.tngtech.archunit.lang.CompositeArchRule.of(one) : rule.and(one);
        }
        return rule;
    }
}
