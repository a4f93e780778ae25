-- The lines incidents are counted under, named after the programmes of the report (п.3: Безопасность
-- на улице, Борьба с квартирными кражами, Профилактика насилия в семье, Стоп наркотикам, …) and the
-- usual register categories. Lines against the person never show on the public map below district level.
INSERT INTO "crime_lines" ("code", "name", "against_person", "programme_code", "sort_order") VALUES
('street_crime', '{"ru":"Уличные преступления","kk":"Көшедегі қылмыстар","en":"Street crime"}', false, 'safe-streets', 10),
('theft', '{"ru":"Кражи","kk":"Ұрлықтар","en":"Theft"}', false, 'property-protection-2021-2023', 20),
('apartment_theft', '{"ru":"Квартирные кражи","kk":"Пәтер ұрлықтары","en":"Apartment theft"}', false, 'apartment-thefts', 30),
('theft_from_vehicle', '{"ru":"Кражи из автомобилей","kk":"Көліктен ұрлық","en":"Theft from vehicles"}', false, 'property-protection-2021-2023', 40),
('vehicle_theft', '{"ru":"Угоны и кражи автомобилей","kk":"Көлік айдап кету және ұрлау","en":"Vehicle theft"}', false, 'property-protection-2021-2023', 50),
('commercial_burglary', '{"ru":"Кражи из организаций","kk":"Ұйымдардан ұрлық","en":"Commercial burglary"}', false, 'property-protection-2021-2023', 60),
('bicycle_theft', '{"ru":"Кражи велосипедов","kk":"Велосипед ұрлығы","en":"Bicycle theft"}', false, 'property-protection-2021-2023', 70),
('fraud', '{"ru":"Мошенничество","kk":"Алаяқтық","en":"Fraud"}', false, NULL, 80),
('vandalism', '{"ru":"Вандализм и порча имущества","kk":"Вандализм және мүлікті бүлдіру","en":"Vandalism and mischief"}', false, 'safe-streets', 90),
('public_order', '{"ru":"Хулиганство","kk":"Бұзақылық","en":"Public disorder"}', false, 'safe-streets', 100),
('drugs', '{"ru":"Наркопреступления","kk":"Есірткі қылмыстары","en":"Drug offences"}', false, 'stop-drugs', 110),
('traffic_injury', '{"ru":"ДТП с пострадавшими","kk":"Зардап шеккендер бар ЖКО","en":"Road collisions with injury"}', false, NULL, 120),
('robbery', '{"ru":"Грабежи и разбои","kk":"Тонау және қарақшылық","en":"Robbery"}', true, 'safe-streets', 130),
('assault', '{"ru":"Причинение вреда здоровью","kk":"Денсаулыққа зиян келтіру","en":"Assault"}', true, 'safe-streets', 140),
('domestic_violence', '{"ru":"Насилие в семье","kk":"Отбасылық зорлық-зомбылық","en":"Domestic violence"}', true, 'domestic-violence', 150),
('sexual_offence', '{"ru":"Половые преступления","kk":"Жыныстық қылмыстар","en":"Sexual offences"}', true, NULL, 160),
('homicide', '{"ru":"Убийства","kk":"Кісі өлтіру","en":"Homicide"}', true, NULL, 170),
('other', '{"ru":"Прочие","kk":"Басқалары","en":"Other"}', false, NULL, 900);
--> statement-breakpoint
-- The report (п.6): about 300 car and 250 foot crews a day, more on foot and more at night. The split
-- per shift is editable by the analyst; these are the issue's starting figures.
INSERT INTO "patrol_shifts" ("code", "name", "starts", "ends", "car_crews", "foot_crews", "risk_weight", "min_foot_share", "sort_order") VALUES
('day', '{"ru":"Дневная смена","kk":"Күндізгі ауысым","en":"Day shift"}', '08:00', '20:00', 150, 120, 1, 0.4, 10),
('night', '{"ru":"Ночная смена","kk":"Түнгі ауысым","en":"Night shift"}', '20:00', '08:00', 150, 130, 1.5, 0.5, 20);
