package dev.segments.bench.workload;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Names, companies and email domains of contacts. */
final class People {

    static final List<String> FIRST_NAMES = List.of("James", "Mary", "John", "Patricia", "Robert", "Jennifer",
            "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
            "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark",
            "Sandra", "Jose", "Maria", "Juan", "Ana", "Wei", "Priya", "Mohammed", "Fatima", "Olivia", "Liam", "Emma",
            "Noah");
    static final List<String> LAST_NAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
            "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
            "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Nguyen",
            "Patel", "Kim", "Chen");
    static final List<String> COMPANIES = List.of("Acme", "Globex", "Initech", "Umbrella Group", "Stark Industries",
            "Wayne Enterprises", "Hooli", "Pied Piper", "Vandelay Industries", "Soylent", "Massive Dynamic",
            "Cyberdyne", "Tyrell Corp", "Wonka Foods", "Gringotts Finance", "Oceanic Travel", "Blue Sun", "Aperture Labs",
            "Bluth Company", "Dunder Mifflin", "Prestige Worldwide", "Sterling Cooper", "Monarch Solutions",
            "Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Litware", "Adventure Works", "Proseware",
            "Lone Star Realty", "Sunshine Dental", "Peak Fitness", "Harbor Legal", "Summit Consulting", "Evergreen Tech",
            "Brightside Media", "Redwood Health", "Silverline Logistics", "Golden Gate Bakery");
    static final Weighted<String> FREE_MAIL = new Weighted<String>()
            .add("gmail.com", 35).add("yahoo.com", 12).add("outlook.com", 8).add("hotmail.com", 7)
            .add("icloud.com", 6).add("aol.com", 3);

    String firstName(Random random) {
        return FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
    }

    String lastName(Random random) {
        return LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
    }

    String company(Random random) {
        return COMPANIES.get(random.nextInt(COMPANIES.size()));
    }

    /** A free-mail address (71%) or one at the company's domain when there is a company. */
    String email(Random random, String first, String last, String company, int number) {
        String local = (first + "." + last).toLowerCase(Locale.ROOT) + (random.nextInt(3) == 0 ? "" : number % 1000);
        if (company != null && random.nextDouble() < 0.29 / 0.6) {
            return local + "@" + company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".com";
        }
        return local + "@" + FREE_MAIL.pick(random);
    }

    /** A North American number for US and Canadian contacts, else an international one. */
    String phone(Random random, String country) {
        if (country.equals("US") || country.equals("CA")) {
            return String.format("+1%03d%07d", 201 + random.nextInt(780), random.nextInt(10_000_000));
        }
        return String.format("+%d%09d", 30 + random.nextInt(60), random.nextInt(1_000_000_000));
    }
}
