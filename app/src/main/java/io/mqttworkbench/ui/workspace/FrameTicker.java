package io.mqttworkbench.ui.workspace;

import javafx.animation.AnimationTimer;

/** Calls the workspace once per JavaFX pulse, where queued news from the connections is applied in one go. */
public final class FrameTicker {
    private final AnimationTimer timer;

    FrameTicker(MainWindowViewModel viewModel) {
        this(viewModel, () -> { });
    }

    /** @param afterFrame runs after the workspace has applied each frame's news */
    FrameTicker(MainWindowViewModel viewModel, Runnable afterFrame) {
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                viewModel.onFrame(now);
                afterFrame.run();
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
