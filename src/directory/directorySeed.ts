import type { CareService } from '../data/models/careService'

/**
 * Clearly fictional services for the embedded default, so the conversation can be tried without the real
 * directory. Postcodes use the ZZ99 area, which is never issued; phone numbers are Ofcom drama numbers.
 */
export const fictionalServices: CareService[] = [
  { locationId: 'FICTION-0001', name: 'Meadowbank Example Care Home', address: '1 Pretend Lane, Exampleton', postcode: 'ZZ99 1AA', phone: '01632 960001', serviceTypes: ['Care home service with nursing'], providerName: 'Example Care Group (fictional)', localAuthority: 'Exampleshire', region: 'Example Region' },
  { locationId: 'FICTION-0002', name: 'Riverside Sample Surgery', alsoKnownAs: 'Riverside GP', address: '2 Imaginary Road, Sampleford', postcode: 'ZZ99 2BB', phone: '01632 960002', serviceTypes: ['Doctors/GPs'], providerName: 'Sampleford Health Partnership (fictional)', localAuthority: 'Sampleshire', region: 'Example Region' },
  { locationId: 'FICTION-0003', name: 'Hilltop Demo Home Care', address: '3 Make-Believe Street, Testbury', postcode: 'ZZ99 3CC', phone: '01632 960003', serviceTypes: ['Homecare agencies'], providerName: 'Hilltop Demo Ltd (fictional)', localAuthority: 'Testshire', region: 'Example Region' },
  { locationId: 'FICTION-0004', name: 'Testbury General Hospital (Fictional)', address: '4 Storybook Avenue, Testbury', postcode: 'ZZ99 4DD', phone: '01632 960004', serviceTypes: ['Hospital'], providerName: 'Testbury NHS Trust (fictional)', localAuthority: 'Testshire', region: 'Example Region' },
  { locationId: 'FICTION-0005', name: 'Willow Lodge Example Nursing Home', address: '5 Fable Close, Exampleton', postcode: 'ZZ99 5EE', phone: '01632 960005', serviceTypes: ['Care home service with nursing'], providerName: 'Example Care Group (fictional)', localAuthority: 'Exampleshire', region: 'Example Region' },
  { locationId: 'FICTION-0006', name: 'Sampleford Community Mental Health Team (Fictional)', address: '6 Notreal Way, Sampleford', postcode: 'ZZ99 6FF', phone: '01632 960006', serviceTypes: ['Community based services for people with mental health needs'], providerName: 'Sampleford Health Partnership (fictional)', localAuthority: 'Sampleshire', region: 'Example Region' },
  { locationId: 'FICTION-0007', name: 'Oak Tree Demo Dental Practice', address: '7 Invented Parade, Exampleton', postcode: 'ZZ99 7GG', phone: '01632 960007', serviceTypes: ['Dentist'], providerName: 'Oak Tree Demo Dental (fictional)', localAuthority: 'Exampleshire', region: 'Example Region' },
  { locationId: 'FICTION-0008', name: 'Lavender House Sample Supported Living', address: '8 Daydream Drive, Testbury', postcode: 'ZZ99 8HH', phone: '01632 960008', serviceTypes: ['Supported living'], providerName: 'Lavender Sample Support (fictional)', localAuthority: 'Testshire', region: 'Example Region' },
].map(service => ({ ...service, fictional: true }))
