package dev.segments.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The service: the engine built from the rules directory, fed with contacts, logging membership changes. */
@SpringBootApplication
public class SegmentsApplication {

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(SegmentsApplication.class, args);
    }
}
