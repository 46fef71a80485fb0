package io.mqttworkbench.ui.profile;

import io.mqttworkbench.profile.CheckProblemException;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.JwtGenerator;
import io.mqttworkbench.profile.JwtRequest;
import io.mqttworkbench.ui.common.FormGrid;
import io.mqttworkbench.ui.common.CheckTexts;
import io.mqttworkbench.ui.common.Texts;
import io.mqttworkbench.ui.common.UiStyles;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * "Generate token": an HS256/384/512 JWT signed with a shared secret, for test brokers that verify tokens
 * that way. Every mistake (malformed claim, bad lifetime) is explained before the token can be made; a secret
 * shorter than the hash makes a token with a warning beside the secret, since brokers accept such secrets.
 */
public final class JwtGeneratorDialog {
    private final String username;
    private final Texts texts;

    JwtGeneratorDialog(String username, Texts texts) {
        this.username = username == null ? "" : username;
        this.texts = texts;
    }

    Optional<String> showAndWait(Window owner) {
        PasswordField secret = new PasswordField();
        secret.setId("jwtSecret");
        secret.setPromptText(texts.text("profile.jwt.secret.prompt"));
        ComboBox<JwtRequest.Algorithm> algorithm = new ComboBox<>();
        algorithm.getItems().addAll(JwtRequest.Algorithm.values());
        algorithm.setValue(JwtRequest.Algorithm.HS256);
        TextField subject = new TextField(username);
        subject.setPromptText(texts.text("profile.jwt.subject.prompt"));
        TextArea claims = new TextArea();
        claims.setPromptText(texts.text("profile.jwt.claims.prompt"));
        claims.setPrefRowCount(4);
        TextField lifetime = new TextField("3600");
        lifetime.setPromptText(texts.text("profile.jwt.lifetime.prompt"));

        ObjectBinding<Object> request = Bindings.createObjectBinding(() -> request(secret.getText(), algorithm.getValue(), subject.getText(),
                claims.getText(), lifetime.getText(), texts), secret.textProperty(), algorithm.valueProperty(), subject.textProperty(),
                claims.textProperty(), lifetime.textProperty());
        ObjectBinding<FieldCheck> verdict = Bindings.createObjectBinding(() -> verdict(request.get(), texts), request);

        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        UiStyles.style(dialog);
        dialog.setTitle(texts.text("profile.jwt.title"));
        ButtonType use = new ButtonType(texts.text("profile.jwt.use"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(use, new ButtonType(texts.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(new FormGrid()
                .heading(texts.text("profile.jwt.heading"))
                .row(texts.text("profile.jwt.secret"), secret, verdict)
                .row(texts.text("profile.jwt.algorithm"), algorithm)
                .row(texts.text("profile.jwt.subject"), subject)
                .row(texts.text("profile.jwt.claims"), claims)
                .row(texts.text("profile.jwt.lifetime"), lifetime)
                .node());
        dialog.getDialogPane().setPrefWidth(640);
        // A dialog keeps the height it opened with: grow it when a message of several lines appears under the secret.
        verdict.addListener((obs, old, now) -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        Button useButton = (Button) dialog.getDialogPane().lookupButton(use);
        useButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !(request.get() instanceof JwtRequest), request));
        dialog.setResultConverter(button -> button == use && request.get() instanceof JwtRequest r
                ? new JwtGenerator(Clock.systemUTC()).generate(r) : null);
        return dialog.showAndWait();
    }

    /** The request the fields make, or the {@link FieldCheck} error that says why they make none. */
    static Object request(String secret, JwtRequest.Algorithm algorithm, String subject, String claims, String lifetime, Texts texts) {
        try {
            return new JwtRequest(secret, algorithm, subject.isBlank() ? null : subject.strip(), parseClaims(claims, texts),
                    lifetime.isBlank() ? null : Duration.ofSeconds(Long.parseLong(lifetime.strip())));
        } catch (NumberFormatException e) {
            return FieldCheck.error(texts.text("profile.jwt.lifetime.invalid"));
        } catch (CheckProblemException e) {
            return new CheckTexts(texts).explain(new FieldCheck(FieldCheck.Severity.ERROR, e.problem()));
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /** What the dialog says under the secret about {@link #request}'s answer. */
    static FieldCheck verdict(Object request, Texts texts) {
        if (request instanceof FieldCheck check) {
            return check;
        }
        // A line per clause: a grid reserves the height of a message's lines, not of the lines it wraps into.
        return ((JwtRequest) request).warningProblem().map(new CheckTexts(texts)::explain)
                .map(warning -> FieldCheck.warning(warning.replace(": ", ":\n").replace(". ", ".\n").replace("：", "：\n").replace("。", "。\n").strip()))
                .orElse(FieldCheck.OK);
    }

    private static Map<String, String> parseClaims(String text, Texts texts) {
        Map<String, String> claims = new LinkedHashMap<>();
        int line = 0;
        for (String entry : text.split("\n")) {
            line++;
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(texts.format("profile.jwt.claims.line", line));
            }
            claims.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return claims;
    }
}
