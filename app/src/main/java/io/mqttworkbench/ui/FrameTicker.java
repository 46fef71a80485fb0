package io.mqttworkbench.ui;

import javafx.animation.AnimationTimer;

/** Calls the workspace once per JavaFX pulse, where queued news from the connections is applied in one go. */
final class FrameTicker {
    private final AnimationTimer timer;

    FrameTicker(MainWindowViewModel viewModel) {
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                viewModel.onFrame(now);
            }
        };
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }
}
