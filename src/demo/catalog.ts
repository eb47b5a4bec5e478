// The demo practice's clinical content: visit types of a primary-care + orthopedic group, with
// real ICD-10-CM FY2026 billable codes and CPT/HCPCS codes (codes only; no CPT descriptions).
export interface VisitTemplate {
  name: string;
  specialty: 'primary' | 'ortho';
  minAge: number;
  maxAge: number;
  placeOfService: '11' | '22' | '24';
  /** Alternative diagnosis lists; one is chosen. */
  diagnoses: string[][];
  lines: { code: string; modifiers?: string[]; units?: number; pointers: number[] }[];
  weight: number;
}


export const VISITS: VisitTemplate[] = [
  { name: 'hypertension follow-up', specialty: 'primary', minAge: 30, maxAge: 100, placeOfService: '11', diagnoses: [['I10'], ['I10', 'E78.5']], lines: [{ code: '99213', pointers: [1, 2] }], weight: 10 },
  { name: 'diabetes follow-up', specialty: 'primary', minAge: 30, maxAge: 100, placeOfService: '11', diagnoses: [['E11.9', 'E78.5'], ['E11.65', 'I10']], lines: [{ code: '99214', pointers: [1, 2] }, { code: '83036', pointers: [1] }, { code: '36415', pointers: [1] }], weight: 8 },
  { name: 'upper respiratory infection', specialty: 'primary', minAge: 0, maxAge: 100, placeOfService: '11', diagnoses: [['J06.9'], ['J06.9', 'R50.9'], ['R05.9']], lines: [{ code: '99213', pointers: [1] }], weight: 9 },
  { name: 'asthma', specialty: 'primary', minAge: 5, maxAge: 80, placeOfService: '11', diagnoses: [['J45.909'], ['J45.20']], lines: [{ code: '99213', pointers: [1] }], weight: 4 },
  { name: 'annual exam 40-64', specialty: 'primary', minAge: 40, maxAge: 64, placeOfService: '11', diagnoses: [['Z00.00'], ['Z00.01', 'E78.5']], lines: [{ code: '99396', pointers: [1] }, { code: '36415', pointers: [1] }], weight: 5 },
  { name: 'annual exam 18-39', specialty: 'primary', minAge: 18, maxAge: 39, placeOfService: '11', diagnoses: [['Z00.00']], lines: [{ code: '99395', pointers: [1] }], weight: 3 },
  { name: 'flu shot', specialty: 'primary', minAge: 3, maxAge: 100, placeOfService: '11', diagnoses: [['Z23']], lines: [{ code: '90686', pointers: [1] }, { code: '90471', pointers: [1] }], weight: 5 },
  { name: 'urinary tract infection', specialty: 'primary', minAge: 12, maxAge: 100, placeOfService: '11', diagnoses: [['N39.0']], lines: [{ code: '99213', pointers: [1] }, { code: '81002', pointers: [1] }], weight: 4 },
  { name: 'low back pain', specialty: 'primary', minAge: 18, maxAge: 90, placeOfService: '11', diagnoses: [['M54.50']], lines: [{ code: '99213', pointers: [1] }, { code: '72100', pointers: [1] }], weight: 4 },
  { name: 'reflux, anxiety, thyroid', specialty: 'primary', minAge: 18, maxAge: 90, placeOfService: '11', diagnoses: [['K21.9'], ['F41.1'], ['E03.9']], lines: [{ code: '99213', pointers: [1] }], weight: 5 },
  { name: 'new knee pain', specialty: 'ortho', minAge: 16, maxAge: 90, placeOfService: '11', diagnoses: [['M25.561'], ['M25.562']], lines: [{ code: '99203', pointers: [1] }, { code: '73562', modifiers: ['RT'], pointers: [1] }], weight: 5 },
  { name: 'knee osteoarthritis injection', specialty: 'ortho', minAge: 45, maxAge: 95, placeOfService: '11', diagnoses: [['M17.11'], ['M17.12']], lines: [{ code: '99213', modifiers: ['25'], pointers: [1] }, { code: '20610', modifiers: ['RT'], pointers: [1] }, { code: 'J3301', units: 4, pointers: [1] }], weight: 7 },
  { name: 'knee arthroscopy (medial meniscectomy)', specialty: 'ortho', minAge: 18, maxAge: 75, placeOfService: '24', diagnoses: [['S83.241A'], ['S83.242A']], lines: [{ code: '29881', modifiers: ['RT'], pointers: [1] }], weight: 3 },
  { name: 'shoulder rotator cuff', specialty: 'ortho', minAge: 30, maxAge: 90, placeOfService: '11', diagnoses: [['M75.101'], ['M75.102']], lines: [{ code: '99204', modifiers: ['25'], pointers: [1] }, { code: '73030', modifiers: ['RT'], pointers: [1] }, { code: '20610', modifiers: ['RT'], pointers: [1] }, { code: 'J1030', pointers: [1] }], weight: 4 },
  { name: 'ankle sprain', specialty: 'ortho', minAge: 8, maxAge: 80, placeOfService: '11', diagnoses: [['S93.401A']], lines: [{ code: '99203', pointers: [1] }, { code: '73610', modifiers: ['RT'], pointers: [1] }], weight: 3 },
  { name: 'carpal tunnel', specialty: 'ortho', minAge: 25, maxAge: 85, placeOfService: '11', diagnoses: [['G56.01']], lines: [{ code: '99203', pointers: [1] }], weight: 2 },
  { name: 'distal radius fracture', specialty: 'ortho', minAge: 6, maxAge: 95, placeOfService: '22', diagnoses: [['S52.501A']], lines: [{ code: '25600', modifiers: ['RT'], pointers: [1] }, { code: '73110', modifiers: ['RT'], pointers: [1] }], weight: 2 },
];

/** The practice's charge master (cents), set well above typical allowed amounts, as practices do. */
export const FEES: Record<string, number> = {
  '99203': 19500, '99204': 29000, '99212': 9500, '99213': 14000, '99214': 20500, '99395': 24000, '99396': 26000,
  '83036': 3500, '36415': 1500, '81002': 1200, '90686': 4500, '90471': 3500, '72100': 11000, '73562': 13000,
  '73030': 11500, '73610': 11000, '73110': 12000, '20610': 21000, J3301: 800, J1030: 1200, '29881': 480000, '25600': 95000,
};

export const FIRST_NAMES = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Karen', 'Carlos', 'Maria', 'Wei', 'Aisha', 'Daniel', 'Sofia', 'Andre', 'Priya', 'Noah', 'Emma', 'Liam', 'Olivia', 'Mateo', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Chloe'];
export const LAST_NAMES = ['Testpatient', 'Sample', 'Demo', 'Fakename', 'Example', 'Synthetic', 'Placeholder', 'Mockley', 'Fictive', 'Madeup', 'Notreal', 'Imaginary', 'Pretend', 'Specimen', 'Dummy', 'Trial', 'Model', 'Prototype', 'Mockup', 'Simulated'];
export const STREETS = ['Maple Ave', 'Oak St', 'Pine Rd', 'Cedar Ln', 'Elm St', 'Birch Way', 'Walnut Dr', 'Spruce Ct', 'Willow Blvd', 'Aspen Pl'];
export const CITIES: [string, string, string][] = [['Springfield', 'IL', '62701'], ['Riverton', 'IL', '62561'], ['Chatham', 'IL', '62629'], ['Rochester', 'IL', '62563'], ['Sherman', 'IL', '62684']];
