package io.mqttworkbench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
