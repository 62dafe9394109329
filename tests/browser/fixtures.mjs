// Small valid documents (format version 1) for the browser tests, deliberately unlike the
// Operation Cayman data: other areas, other numbers, so nothing passes by being tuned to it.

/** Operation Lantern (fictional): 5 raids in two areas, 9 arrests, 4 charged. */
export function lantern({ place = 'Mill Lane, Westmoor' } = {}) {
  return {
    version: 1,
    title: 'Operation Lantern (test data)',
    operation: { name: 'Operation Lantern', agency: 'Midshire Police' },
    events: [
      { type: 'raid', id: 'r1', time: '2021-03-01T05:30:00Z', place, area: 'Westmoor' },
      { type: 'raid', id: 'r2', time: '2021-03-01T07:00:00Z', place: 'Dock Road, Westmoor', area: 'Westmoor' },
      { type: 'raid', id: 'r3', time: '2021-03-02T06:00:00Z', place: 'High Street, Eastbridge', area: 'Eastbridge' },
      { type: 'raid', id: 'r4', time: '2021-03-03T06:15:00Z', place: 'Canal Row, Eastbridge', area: 'Eastbridge' },
      { type: 'raid', id: 'r5', time: '2021-03-04T09:45:00Z', place: 'Station Yard, Eastbridge', area: 'Eastbridge' },
      { type: 'arrest', time: '2021-03-01T05:50:00Z', raid: 'r1', count: 3 },
      { type: 'arrest', time: '2021-03-01T07:20:00Z', raid: 'r2', count: 1 },
      { type: 'arrest', time: '2021-03-02T06:30:00Z', raid: 'r3', count: 2 },
      { type: 'arrest', time: '2021-03-03T06:40:00Z', raid: 'r4', count: 2 },
      { type: 'arrest', time: '2021-03-04T10:00:00Z', raid: 'r5', count: 1 },
      { type: 'charge', time: '2021-03-05', raid: 'r1', count: 2, offence: 'Supplying a Class B drug' },
      { type: 'charge', time: '2021-03-06', raid: 'r3', count: 1 },
      { type: 'charge', time: '2021-03-06', raid: 'r4', count: 1 },
      { type: 'seizure', time: '2021-03-01T06:10:00Z', raid: 'r1', item: '£3,400 in cash' },
    ],
    source: { name: 'Test fixture', note: 'Fictional data for tests.' },
  };
}

/** A document with several mistakes, each at a known path. */
export function broken() {
  const doc = lantern();
  doc.events[1].time = '12/03/2018';
  doc.events[2].colur = 'red';
  return doc;
}
